/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Moves a simulated station's time along with real time, {@code speed} times faster: every 20 ms of real time
 * the station advances by {@code speed} × 20 ms. Stopped by {@link #close()}; its task never outlives it. Stations
 * start one through {@link SimStation#runAt(double)}.
 */
public final class SimClock implements AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final ScheduledExecutorService executor;
    private final ScheduledFuture<?> task;

    public SimClock(SimStation station, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, not " + speed);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim clock " + station.id());
            t.setDaemon(true);
            return t;
        });
        task = executor.scheduleAtFixedRate(() -> station.advance(speed * TICK_MILLIS / 1000.0), TICK_MILLIS,
                TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the clock; once it returns, no tick moves the station's time any more. */
    @Override
    public void close() {
        task.cancel(false);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
