/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PolledStation;
import org.benchwright.driver.api.support.PolledZone;
import org.benchwright.driver.api.support.PublishingChannel;
import org.benchwright.driver.serial.SerialLink;

/**
 * A template driver to copy: a hot-air station speaking a small line protocol (an example, not a real product):
 * {@code SP <°C>}, {@code ON}, {@code OFF} answered {@code OK}, {@code PV?} answered {@code PV <°C>}, errors
 * {@code ERR <text>}, every line ending in CR. One top zone; its air temperature is a channel polled every period.
 *
 * <p>{@link PolledStation} keeps the rules every driver keeps (and the conformance kit checks): one polling thread
 * talks to the device, safe state never waits on it, a device that stops answering is one
 * {@link Fault.Kind#LINK_LOST} fault. What is left here is the protocol: one synchronized {@link #ask}, what a poll
 * reads, how outputs stop.
 */
public final class TemplateStation extends PolledStation {

    /** Unanswered polls in a row that make a lost link. */
    static final int MISSES = 3;

    private final SerialLink link;
    private final int timeoutMillis;
    private final Zone zone;
    private final PublishingChannel air;
    private int missed;

    public TemplateStation(String id, SerialLink link, double maxCelsius, int pollMillis, int timeoutMillis)
            throws IOException {
        super(id, pollMillis);
        this.link = link;
        this.timeoutMillis = timeoutMillis;
        this.zone = new Zone(maxCelsius);
        this.air = new PublishingChannel("top.air", ChannelRole.AIR, pollPeriod());
        handshake();
        link.onDisconnect(() -> linkLost("the serial line went away"));
        startPolling();
    }

    /**
     * Stops the output and reads the air once, tolerating the same missed answers as polling does: a station that
     * answers late once while the machine is busy still opens; one that never answers is not there.
     */
    private void handshake() throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                expectOk(ask("OFF"));
                zone.polled(pv(ask("PV?")));
                return;
            } catch (IOException e) {
                if (attempt >= MISSES || !link.isOpen()) {
                    throw e;
                }
            }
        }
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
    protected void poll() throws IOException {
        zone.polled(pv(ask("PV?")));
        air.publish(new Sample(air.id(), now(), zone.zoneCelsius(), false, false));
        missed = 0;
    }

    @Override
    protected void pollFailed(IOException e) {
        if (!link.isOpen() || ++missed >= MISSES) {
            linkLost(e.getMessage());
        }
    }

    @Override
    protected void stopOutputs() throws IOException {
        expectOk(ask("OFF"));
    }

    @Override
    protected void heatersOff() {
        zone.markOff();
    }

    @Override
    protected void release() {
        link.close();
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
                        throw new IOException(link.path() + ": the station refused " + question + ": "
                                + line.substring(3).strip());
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

    /** The hot-air heater. */
    private final class Zone extends PolledZone {

        Zone(double max) {
            super(TemplateStation.this, "top", ZoneRole.TOP, 50, max);
        }

        @Override
        protected void apply(double celsius, boolean off) throws IOException {
            expectOk(ask(String.format(Locale.ROOT, "SP %.1f", celsius)));
            if (off) {
                expectOk(ask("ON"));
            }
        }

        @Override
        protected void stop() throws IOException {
            expectOk(ask("OFF"));
        }
    }
}
