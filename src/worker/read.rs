//! Reading the files the screen opened on, in the background and on every core: the file nearest
//! the cursor first (the cursor's own file at once), and what is read sent to the screen a few
//! files at a time, so that the tree fills in while the clerk already works.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::Outbox;
use super::load::{not_read, read_entry};
use crate::app::{Action, FileEntry, ReadJob};

/// How often a reader sends what it has read: often enough for the tree to fill in as it
/// goes, seldom enough that the screen is not redrawn for every file of a city.
const SEND_EVERY: Duration = Duration::from_millis(100);

/// The files still to read, shared by the readers.
#[derive(Default)]
struct Queue {
    jobs: BTreeMap<usize, ReadJob>,
    /// The file the cursor is at.
    near: usize,
    /// Readers running.
    readers: usize,
}

impl Queue {
    /// The job nearest the cursor (after it on a tie), and whether it is the cursor's own file.
    fn next(&mut self) -> Option<(ReadJob, bool)> {
        let after = self.jobs.range(self.near..).next().map(|(file, _)| *file);
        let before = self.jobs.range(..self.near).next_back().map(|(file, _)| *file);
        let file = match (after, before) {
            (Some(a), Some(b)) => {
                if a - self.near <= self.near - b {
                    a
                } else {
                    b
                }
            }
            (a, b) => a.or(b)?,
        };
        let job = self.jobs.remove(&file)?;
        Some((job, file == self.near))
    }
}

/// The readers' shared queue; readers start when there is work and end when there is none.
#[derive(Clone, Default)]
pub struct Reader {
    queue: Arc<Mutex<Queue>>,
}

impl Reader {
    /// Adds files to read, the nearest to `near` first, and starts a reader on every core when
    /// none runs. Where no thread can be started, they are read here and now.
    pub fn read(&self, jobs: Vec<ReadJob>, near: usize, outbox: &Outbox) {
        let start = {
            let mut queue = self.lock();
            queue.jobs.extend(jobs.into_iter().map(|job| (job.file, job)));
            queue.near = near;
            let start = if queue.readers == 0 { cores() } else { 0 };
            queue.readers += start;
            start
        };
        let mut started = 0;
        for n in 0..start {
            let (reader, outbox) = (self.clone(), Arc::clone(outbox));
            let spawned =
                std::thread::Builder::new().name(format!("hyoka-read-{n}")).spawn(move || reader.run(&outbox));
            started += usize::from(spawned.is_ok());
        }
        self.lock().readers -= start - started;
        if start > 0 && started == 0 {
            self.lock().readers += 1;
            self.run(outbox);
        }
    }

    /// The cursor moved to `file`: what is still to read is read from there.
    pub fn near(&self, file: usize) {
        self.lock().near = file;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// One reader: takes the nearest file until none is left.
    fn run(&self, outbox: &Outbox) {
        let mut batch = Vec::new();
        let mut buffer = Vec::new();
        let mut since = Instant::now();
        loop {
            let next = {
                let mut queue = self.lock();
                let next = queue.next();
                if next.is_none() {
                    queue.readers = queue.readers.saturating_sub(1);
                }
                next
            };
            let Some((job, urgent)) = next else { break };
            batch.push((job.file, read_one(&job, &mut buffer)));
            if urgent || since.elapsed() >= SEND_EVERY {
                outbox(Action::FilesRead(std::mem::take(&mut batch)));
                since = Instant::now();
            }
        }
        if !batch.is_empty() {
            outbox(Action::FilesRead(batch));
        }
    }
}

/// Every job read here, the nearest to `near` first: what the screen's readers do, on the
/// calling thread (tests, and `settle`).
pub fn read_all(jobs: Vec<ReadJob>, near: usize) -> Vec<(usize, FileEntry)> {
    let mut queue = Queue { jobs: jobs.into_iter().map(|job| (job.file, job)).collect(), near, readers: 0 };
    let mut buffer = Vec::new();
    std::iter::from_fn(|| queue.next()).map(|(job, _)| (job.file, read_one(&job, &mut buffer))).collect()
}

/// One file read; a reader that failed on it (a defect of hyoka's) shows the file with why.
fn read_one(job: &ReadJob, buffer: &mut Vec<u8>) -> FileEntry {
    super::supervise::catch(|| read_entry(job, buffer)).unwrap_or_else(|why| not_read(job, &why))
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_nearest_the_cursor_comes_first() {
        let job = |file: usize| ReadJob {
            file,
            path: format!("{file}.yaml").into(),
            root: ".".into(),
            canonical: ".".into(),
        };
        let mut queue = Queue { jobs: [1, 2, 5, 8, 9].into_iter().map(|f| (f, job(f))).collect(), near: 5, readers: 0 };
        let mut order = Vec::new();
        while let Some((job, own)) = queue.next() {
            assert_eq!(own, job.file == 5);
            order.push(job.file);
            if job.file == 8 {
                queue.near = 0; // the cursor went to the top
            }
        }
        assert_eq!(order, [5, 8, 1, 2, 9]);
    }
}
