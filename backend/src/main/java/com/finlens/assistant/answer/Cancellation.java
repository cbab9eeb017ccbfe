package com.finlens.assistant.answer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fired once when the client goes away; answer sources register what to stop (e.g. an upstream request). */
public final class Cancellation {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the action on cancel (immediately when already cancelled). */
    public void onCancel(Runnable action) {
        if (cancelled) {
            action.run();
        } else {
            listeners.add(action);
        }
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        listeners.forEach(Runnable::run);
        listeners.clear();
    }
}
