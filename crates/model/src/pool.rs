//! A small pool of scoped threads that keeps results in input order: the
//! map step's documents and runs of sentences, the reduce step's words.

/// `work` on every item on `workers` threads (at least one), results in
/// input order; `done` is called after each item. Workers take the next
/// item as they finish one, so a few long articles do not leave the other
/// threads idle, and an item is dropped once its work is done.
pub(crate) fn in_order<T: Send, R: Send>(
    items: impl ExactSizeIterator<Item = T> + Send,
    workers: usize,
    work: &(dyn Fn(T) -> R + Sync),
    done: &(dyn Fn() + Sync),
) -> Vec<R> {
    let n = items.len();
    let workers = workers.clamp(1, n.max(1));
    if workers == 1 {
        // No thread to start for one worker (a short text's one run).
        return items
            .map(|item| {
                let r = work(item);
                done();
                r
            })
            .collect();
    }
    let queue = std::sync::Mutex::new(items.enumerate());
    let mut found: Vec<(usize, R)> = Vec::with_capacity(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let queue = &queue;
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    // A poisoned lock means another worker panicked; its
                    // panic reaches the caller below.
                    while let Some((i, item)) = queue.lock().ok().and_then(|mut q| q.next()) {
                        mine.push((i, work(item)));
                        done();
                    }
                    mine
                })
            })
            .collect();
        for handle in handles {
            // A panic in a worker is a bug; carry it to the caller.
            match handle.join() {
                Ok(part) => found.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    found.sort_unstable_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, r)| r).collect()
}
