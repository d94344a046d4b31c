/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial;

import java.io.IOException;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;

/**
 * Opens a station on a serial port, as every serial driver's factory does: the port first, then the station on it;
 * a station that does not open closes its port, and either failure becomes a {@link StationException} that names
 * the station and the port.
 */
public final class SerialStations {

    /** Opens the station on an open link; throws when the device does not answer as it should. */
    @FunctionalInterface
    public interface OnLink {
        Station open(SerialLink link) throws IOException, StationException;
    }

    private SerialStations() {
    }

    /**
     * @param what how messages name the station, for example "k204 thermometer"
     */
    public static Station open(SerialPorts ports, String port, LineSettings line, String what, OnLink station)
            throws StationException {
        SerialLink link;
        try {
            link = ports.open(port, line);
        } catch (IOException e) {
            throw new StationException(what + ": " + e.getMessage(), e);
        }
        try {
            return station.open(link);
        } catch (IOException e) {
            link.close();
            throw new StationException(what + " on " + port + " does not answer: " + e.getMessage(), e);
        } catch (StationException | RuntimeException e) {
            link.close();
            throw e;
        }
    }
}
