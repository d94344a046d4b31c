/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The skeleton of a station on a polled device, which keeps the SPI's rules so that a driver need not: one polling
 * thread owns the device's conversation; {@link #safeState} marks the heaters off and wakes that thread, which tells
 * the device (so safe state never waits on the device); a failed poll or a vanished line is one
 * {@link Fault.Kind#LINK_LOST} fault; {@link #close} stops the thread with a bound and releases the device. A driver
 * implements {@link #poll}, {@link #stopOutputs}, {@link #heatersOff} and {@link #release}, opens its device in its
 * constructor and calls {@link #startPolling()} last.
 */
@ConsumerType
public abstract class PolledStation implements Station {

    private final String id;
    private final long periodNanos;
    private final List<FaultListener> faultListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fault> lost = new AtomicReference<>();
    private volatile boolean safeRequested;
    private volatile boolean closed;
    private Thread poller;

    protected PolledStation(String id, int pollMillis) {
        this.id = id;
        this.periodNanos = pollMillis * 1_000_000L;
    }

    /** Seconds between two polls: the sample period of every channel the station publishes on each poll. */
    protected final double pollPeriod() {
        return periodNanos / 1e9;
    }

    /** Starts the polling thread: the last thing a driver's constructor does. */
    protected final void startPolling() {
        poller = new Thread(this::loop, id + " poller");
        poller.setDaemon(true);
        poller.start();
    }

    /** One round of reads from the device: publish samples, report device errors; throw when the device fails. */
    protected abstract void poll() throws IOException;

    /** Tells the device to stop every heater; called on the polling thread. */
    protected abstract void stopOutputs() throws IOException;

    /** Marks every zone off at once, without talking to the device. */
    protected abstract void heatersOff();

    /** Releases the device (closes the port). */
    protected abstract void release();

    /** A poll failed: by default the link is lost; a driver may tolerate a few misses first. */
    protected void pollFailed(IOException e) {
        linkLost(e.getMessage());
    }

    /** After the link was found lost, before the fault is reported: tell whoever still hears to stop, if anyone. */
    protected void afterLinkLost() {
    }

    @Override
    public final String id() {
        return id;
    }

    /** The JVM's monotonic clock, shared by every real station (see {@link Station#now()}). */
    @Override
    public double now() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public final void safeState(String reason) {
        heatersOff();
        safeRequested = true;
        Thread t = poller;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public final void addFaultListener(FaultListener listener) {
        faultListeners.add(listener);
    }

    @Override
    public final void removeFaultListener(FaultListener listener) {
        faultListeners.remove(listener);
    }

    @Override
    public final void close() {
        safeState("station closed");
        closed = true;
        Thread t = poller;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    /** The lost-link fault, or {@code null} while the device answers. */
    protected final Fault lostLink() {
        return lost.get();
    }

    /** Refuses a command once the link is lost: the station must be opened again. */
    protected final void requireLink() throws StationException {
        Fault fault = lost.get();
        if (fault != null) {
            throw new StationException(id + ": link lost: " + fault.message());
        }
    }

    /** A command failed on the device: the link is lost; returns the exception to throw to the caller. */
    protected final StationException deviceFailed(IOException e) {
        linkLost(e.getMessage());
        return new StationException(id + ": " + e.getMessage(), e);
    }

    protected final boolean isClosed() {
        return closed;
    }

    /**
     * Reports the link lost, once: heaters off, the fault to the listeners (the engine acts on it now), then
     * {@link #afterLinkLost()}, which may still spend time on the bus.
     */
    protected final void linkLost(String message) {
        Fault fault = new Fault(id, Fault.Kind.LINK_LOST, now(), message);
        if (!closed && lost.compareAndSet(null, fault)) {
            heatersOff();
            report(fault);
            afterLinkLost();
        }
    }

    protected final void report(Fault fault) {
        faultListeners.forEach(l -> l.faulted(fault));
    }

    private void loop() {
        long next = System.nanoTime();
        while (!closed) {
            if (lost.get() == null) {
                try {
                    if (safeRequested) {
                        safeRequested = false;
                        stopOutputs();
                    }
                    poll();
                } catch (IOException e) {
                    if (!closed) {
                        pollFailed(e);
                    }
                } catch (RuntimeException e) {
                    // a driver's bug must not silently end the polling that safe state and fault reports rely on
                    linkLost("the driver failed: " + e);
                }
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
        if (safeRequested && lost.get() == null) {
            try {
                stopOutputs();
            } catch (IOException e) {
                // closing: the device was told as far as it could be
            }
        }
    }
}
