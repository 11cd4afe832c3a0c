package org.painsearch.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Work running in the background, each with how far it got, for the page's progress line and the terminal. */
public final class Tasks {
    private final Map<String, Task> running = new ConcurrentHashMap<>();
    // Work that reports on itself (the background vectors): shown while its view is not null.
    private final Map<String, java.util.function.Supplier<TaskView>> watched = new ConcurrentHashMap<>();

    /** One task as {@code GET /api/status} shows it. */
    public record TaskView(String id, String label, int done, int total) {
    }

    /** A task underway: counts its steps, and disappears from the list when closed. */
    public final class Task implements Library.Progress, AutoCloseable {
        private final String id;
        private volatile String label;
        private volatile int done;
        private volatile int total;

        private Task(String id, String label) {
            this.id = id;
            this.label = label;
        }

        @Override
        public void start(int total) {
            this.total = total;
            this.done = 0;
        }

        @Override
        public void stage(String name, int total) {
            this.label = name;
            start(total);
        }

        @Override
        public void step(int done) {
            this.done = done;
        }

        TaskView view() {
            return new TaskView(id, label, done, total);
        }

        @Override
        public void close() {
            running.remove(id, this);
        }
    }

    /** Starts listing a task named {@code label} under {@code id}. */
    public Task start(String id, String label) {
        var task = new Task(id, label);
        running.put(id, task);
        return task;
    }

    /** Lists, under {@code id}, the view {@code view} gives whenever it gives one (null: nothing running). */
    public void watch(String id, java.util.function.Supplier<TaskView> view) {
        watched.put(id, view);
    }

    /** The tasks running now. */
    public List<TaskView> running() {
        var all = new java.util.ArrayList<>(running.values().stream().map(Task::view).toList());
        watched.values().stream().map(java.util.function.Supplier::get).filter(java.util.Objects::nonNull).forEach(all::add);
        return all;
    }
}
