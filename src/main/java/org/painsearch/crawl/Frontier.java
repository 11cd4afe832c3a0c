package org.painsearch.crawl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The addresses waiting to be visited, one queue per origin (so each host has one worker and hosts go in
 * parallel), the addresses already seen, and the run's page budget.
 */
final class Frontier {
    private final Map<String, ArrayDeque<Task>> queues = new HashMap<>();
    private final Set<String> seen;
    // Origins that have a worker right now; the crawl is over when none has.
    private final Set<String> working = new HashSet<>();
    private final int budget;
    private int queued;
    private int taken;
    private boolean stopped;

    Frontier(Set<String> seen, int budget) {
        this.seen = new HashSet<>(seen);
        this.budget = budget;
    }

    /**
     * Queues a task unless its address was seen.
     *
     * @return the origin that now needs a worker, or null (already has one, or the task was not queued)
     */
    synchronized String offer(Task t, boolean alreadySeen) {
        if (!alreadySeen && !seen.add(t.url())) {
            return null;
        }
        queues.computeIfAbsent(t.origin(), o -> new ArrayDeque<>()).add(t);
        queued++;
        return working.add(t.origin()) ? t.origin() : null;
    }

    /** Marks an address as seen; false when it already was. */
    synchronized boolean claim(String url) {
        return seen.add(url);
    }

    /** The next task of an origin's worker, or null when the worker should end (queue empty, budget spent, stopped). */
    synchronized Task next(String origin) {
        var q = queues.get(origin);
        if (stopped || taken >= budget || q == null || q.isEmpty()) {
            release(origin);
            return null;
        }
        taken++;
        queued--;
        return q.poll();
    }

    /** Ends an origin's worker (also when it was interrupted). */
    synchronized void release(String origin) {
        working.remove(origin);
        var q = queues.get(origin);
        if (q != null && q.isEmpty()) {
            queues.remove(origin);
        }
        notifyAll();
    }

    /** Waits until no origin has a worker. */
    synchronized void awaitIdle() throws InterruptedException {
        while (!working.isEmpty()) {
            wait();
        }
    }

    /** Lets the tasks in flight finish, and starts no others. */
    synchronized void stop() {
        stopped = true;
    }

    synchronized int queued() {
        return queued;
    }
}
