/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PublishingChannel;
import org.benchwright.driver.serial.SerialLink;

/**
 * A template driver to copy: a hot-air station speaking a small line protocol (an example, not a real product):
 * {@code SP <°C>}, {@code ON}, {@code OFF} answered {@code OK}, {@code PV?} answered {@code PV <°C>}, errors
 * {@code ERR <text>}, every line ending in CR. One top zone; its air temperature is a channel polled every period.
 *
 * <p>What every driver does, and the conformance kit checks: all bus traffic on one thread at a time (the
 * {@code synchronized} {@link #ask}); {@link #safeState} only flags and wakes the poller, which tells the device,
 * so that it never waits on the device; a device that stops answering or a line that goes away is one
 * {@link Fault.Kind#LINK_LOST} fault, after which setpoints are refused.
 */
public final class TemplateStation implements Station {

    /** Unanswered questions in a row that make a lost link. */
    static final int MISSES = 3;

    private final String id;
    private final SerialLink link;
    private final int timeoutMillis;
    private final long periodNanos;
    private final Zone zone;
    private final PublishingChannel air = new PublishingChannel("top.air", ChannelRole.AIR);
    private final List<FaultListener> faultListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fault> lost = new AtomicReference<>();
    private final Thread poller;
    private volatile boolean safeRequested;
    private volatile boolean closed;

    public TemplateStation(String id, SerialLink link, double maxCelsius, int pollMillis, int timeoutMillis)
            throws IOException {
        this.id = id;
        this.link = link;
        this.timeoutMillis = timeoutMillis;
        this.periodNanos = pollMillis * 1_000_000L;
        this.zone = new Zone(maxCelsius);
        expectOk(ask("OFF"));
        zone.measured = pv(ask("PV?"));
        link.onDisconnect(() -> linkLost("the serial line went away"));
        poller = new Thread(this::poll, "template poller " + id);
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<HeaterZone> zones() {
        return List.of(zone);
    }

    @Override
    public List<TemperatureChannel> channels() {
        return List.of(air);
    }

    @Override
    public double now() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public void safeState(String reason) {
        zone.on = false;
        safeRequested = true;
        LockSupport.unpark(poller);
    }

    @Override
    public void addFaultListener(FaultListener listener) {
        faultListeners.add(listener);
    }

    @Override
    public void removeFaultListener(FaultListener listener) {
        faultListeners.remove(listener);
    }

    @Override
    public void close() {
        safeState("station closed");
        closed = true;
        LockSupport.unpark(poller);
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }

    private void poll() {
        int missed = 0;
        while (!closed && lost.get() == null) {
            try {
                if (safeRequested) {
                    safeRequested = false;
                    expectOk(ask("OFF"));
                }
                zone.measured = pv(ask("PV?"));
                air.publish(new Sample(air.id(), now(), zone.measured, false, false));
                missed = 0;
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                if (!link.isOpen() || ++missed >= MISSES) {
                    linkLost(e.getMessage());
                }
            }
            LockSupport.parkNanos(periodNanos);
        }
        if (safeRequested && lost.get() == null) {
            try {
                ask("OFF");
            } catch (IOException e) {
                // closing: the device had its chance
            }
        }
    }

    /** One question, one answer line. */
    private synchronized String ask(String question) throws IOException {
        link.discardInput();
        link.write((question + "\r").getBytes(StandardCharsets.US_ASCII));
        StringBuilder answer = new StringBuilder();
        byte[] b = new byte[1];
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new IOException(link.path() + ": no answer to " + question + " in " + timeoutMillis + " ms");
            }
            if (link.read(b, 0, 1, (int) left) == 1) {
                if (b[0] == '\r') {
                    String line = answer.toString();
                    if (line.startsWith("ERR")) {
                        throw new IOException(link.path() + ": the station refused " + question + ": " + line.substring(3).strip());
                    }
                    return line;
                }
                answer.append((char) b[0]);
            }
        }
    }

    private static void expectOk(String answer) throws IOException {
        if (!answer.equals("OK")) {
            throw new IOException("expected OK, got '" + answer + "'");
        }
    }

    private static double pv(String answer) throws IOException {
        if (!answer.startsWith("PV ")) {
            throw new IOException("expected 'PV <°C>', got '" + answer + "'");
        }
        try {
            return Double.parseDouble(answer.substring(3).strip());
        } catch (NumberFormatException e) {
            throw new IOException("expected 'PV <°C>', got '" + answer + "'", e);
        }
    }

    private void linkLost(String message) {
        Fault fault = new Fault(id, Fault.Kind.LINK_LOST, now(), message);
        if (!closed && lost.compareAndSet(null, fault)) {
            zone.on = false;
            faultListeners.forEach(l -> l.faulted(fault));
        }
    }

    /** The hot-air heater. */
    private final class Zone implements HeaterZone {
        private final double max;
        private volatile boolean on;
        private volatile double measured = Double.NaN;

        Zone(double max) {
            this.max = max;
        }

        @Override
        public String id() {
            return "top";
        }

        @Override
        public ZoneRole role() {
            return ZoneRole.TOP;
        }

        @Override
        public double minCelsius() {
            return 50;
        }

        @Override
        public double maxCelsius() {
            return max;
        }

        @Override
        public void setSetpoint(double celsius) throws StationException {
            if (celsius < minCelsius() || celsius > max) {
                throw new IllegalArgumentException("top zone takes 50 .. " + max + " °C, not " + celsius);
            }
            requireLink();
            try {
                expectOk(ask(String.format(Locale.ROOT, "SP %.1f", celsius)));
                expectOk(ask("ON"));
                on = true;
            } catch (IOException e) {
                throw new StationException(id + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void off() throws StationException {
            requireLink();
            on = false;
            try {
                expectOk(ask("OFF"));
            } catch (IOException e) {
                throw new StationException(id + ": " + e.getMessage(), e);
            }
        }

        private void requireLink() throws StationException {
            if (lost.get() != null) {
                throw new StationException(id + ": link lost: " + lost.get().message());
            }
        }

        @Override
        public boolean isOn() {
            return on;
        }

        @Override
        public double zoneCelsius() {
            return measured;
        }
    }

}
