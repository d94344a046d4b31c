/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.k204.internal.K204Protocol;
import org.benchwright.driver.k204.internal.K204StationFactory;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.Await;
import org.benchwright.driver.testkit.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The K204-class thermometer driver against a simulated meter on a pseudo-terminal. */
class K204Test {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ThermometerSimulator meter;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void plugIn() throws Exception {
        pty = new PtyPair(dir);
        meter = new ThermometerSimulator(pty.device());
    }

    @AfterEach
    void unplug() throws Exception {
        meter.close();
        pty.close();
    }

    private Station open() throws Exception {
        Station station = new K204StationFactory(new JSerialCommPorts()).open(Map.of("port", pty.master(),
                "channel.1", "joint", "channel.2", "component", "channel.4", "board"));
        station.addFaultListener(faults::add);
        return station;
    }

    @Test
    void aReadingCarriesFourSignedTenthsAndTheOverloadFlags() {
        byte[] frame = new byte[45];
        frame[0] = 0x02;
        System.arraycopy(HexFormat.of().parseHex("0960FFC900FA7FFF"), 0, frame, 8, 8);
        frame[40] = 0b1000;
        K204Protocol.Reading r = K204Protocol.parse(frame);
        assertArrayEquals(new double[] { 240.0, -5.5, 25.0, 3276.7 }, r.celsius());
        assertArrayEquals(new boolean[] { false, false, false, true }, r.overload());
        assertArrayEquals(withEtx(frame), K204Protocol.frame(r.celsius(), r.overload()), "a frame written back");
    }

    private static byte[] withEtx(byte[] frame) {
        byte[] copy = frame.clone();
        copy[44] = 0x03;
        return copy;
    }

    @Test
    void namedChannelsArePublishedWithTheirRolesAndAnOverloadIsAnOpenCircuit() throws Exception {
        meter.celsius[0] = 183.4;
        meter.celsius[1] = 201.0;
        try (Station station = open()) {
            assertEquals(List.of(ChannelRole.JOINT, ChannelRole.COMPONENT, ChannelRole.BOARD),
                    station.channels().stream().map(c -> c.role()).toList());
            List<Sample> joint = Collections.synchronizedList(new ArrayList<>());
            station.channel(ChannelRole.JOINT).addListener(joint::add);
            Await.until(() -> !joint.isEmpty(), "no joint sample");
            assertEquals(183.4, station.channel(ChannelRole.JOINT).latest().celsius());
            assertEquals(201.0, station.channel(ChannelRole.COMPONENT).latest().celsius());
            assertEquals(0.5, station.channel(ChannelRole.JOINT).samplePeriod(), "the default poll: 500 ms");
            meter.overload[0] = true;
            Await.until(() -> station.channel(ChannelRole.JOINT).latest().openCircuit(), "no open circuit after an "
                    + "overload: " + station.channel(ChannelRole.JOINT).latest());
            Sample open = station.channel(ChannelRole.JOINT).latest();
            assertTrue(open.openCircuit() && !open.valid(), open.toString());
            assertTrue(faults.isEmpty(), faults.toString());
        }
    }

    @Test
    void garbledReadingsThreeInARowAreALostLink() throws Exception {
        try (Station station = open()) {
            meter.garbage = true;
            Await.until(() -> !faults.isEmpty(), "no fault for garbled readings");
            assertEquals(Fault.Kind.LINK_LOST, faults.get(0).kind());
            assertTrue(faults.get(0).message().contains("not a reading: it starts with 0x55"), faults.get(0).message());
        }
    }

    @Test
    void theMeterUnpluggedIsALostLinkAndTheChannelsFallSilent() throws Exception {
        try (Station station = open()) {
            Await.until(() -> station.channel(ChannelRole.JOINT).latest() != null, "no joint sample");
            pty.unplug();
            Await.until(() -> !faults.isEmpty(), "no fault for an unplugged meter");
            assertEquals(Fault.Kind.LINK_LOST, faults.get(0).kind());
            Sample last = station.channel(ChannelRole.JOINT).latest();
            // nothing may come after the fault: two poll periods of silence show it (a wait that cannot fail a
            // correct driver, however busy the machine)
            Thread.sleep(2 * 500);
            assertEquals(last, station.channel(ChannelRole.JOINT).latest(), "samples after the meter was gone");
            assertFalse(faults.size() > 1, "the fault was reported more than once: " + faults);
        }
    }
}
