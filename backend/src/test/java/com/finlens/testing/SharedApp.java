package com.finlens.testing;

import java.util.UUID;

/**
 * One application with default settings, shared by every test class in the JVM that needs nothing special
 * (starting Hibernate Reactive takes seconds). Tests isolate themselves with their own users: {@link #newUser()}.
 */
public final class SharedApp {

    private static TestApp app;

    private SharedApp() {
    }

    public static synchronized TestApp get() {
        if (app == null) {
            app = TestApp.start();
            TestApp started = app;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return app;
    }

    /** A fresh signed-in user of the shared app. */
    public static TestApp.Browser newUser() {
        return get().signIn("user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }
}
