//! Latencies and what went wrong, per kind of request.

use std::collections::BTreeMap;
use std::time::Duration;

/// What one phase measured.
#[derive(Default)]
pub struct Stats {
    pub latencies: Vec<Duration>,
    /// Requests without a proper answer (transport errors, wrong status).
    pub errors: usize,
    /// Answers whose body was not what it must be.
    pub corrupted: usize,
    /// How many requests of each kind were sent.
    pub kinds: BTreeMap<&'static str, usize>,
    /// The first few problems, for the report.
    pub problems: Vec<String>,
}

impl Stats {
    pub fn problem(&mut self, corrupted: bool, what: String) {
        if corrupted {
            self.corrupted += 1;
        } else {
            self.errors += 1;
        }
        if self.problems.len() < 5 {
            self.problems.push(what);
        }
    }

    pub fn merge(&mut self, other: Stats) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        self.corrupted += other.corrupted;
        for (kind, n) in other.kinds {
            *self.kinds.entry(kind).or_default() += n;
        }
        for problem in other.problems {
            if self.problems.len() < 5 {
                self.problems.push(problem);
            }
        }
    }

    /// The `q` quantile (0.5, 0.99) of the latencies.
    pub fn quantile(&mut self, q: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        self.latencies.sort_unstable();
        let rank = ((self.latencies.len() as f64) * q).ceil() as usize;
        self.latencies[rank.clamp(1, self.latencies.len()) - 1]
    }

    pub fn max(&self) -> Duration {
        self.latencies.iter().copied().max().unwrap_or_default()
    }
}

/// `12.3 ms`
pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}
