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

import java.util.Map;

import org.benchwright.driver.api.StationException;

/**
 * A station's settings (the {@code key=value} pairs of {@code --station type:...} and of station files) read as
 * typed values: a default for each key that is left out, and an error that names the station and the key for one
 * that does not read. For drivers' configuration classes, which hold the defaults.
 */
public final class Settings {

    private final String station;
    private final Map<String, String> values;

    /**
     * @param station how errors name the station, for example "k204 thermometer on /dev/ttyUSB1"
     */
    public Settings(String station, Map<String, String> values) {
        this.station = station;
        this.values = Map.copyOf(values);
    }

    /** Whether the key is set. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The key's text, stripped, or {@code fallback} when it is not set. */
    public String text(String key, String fallback) {
        String value = values.get(key);
        return value == null ? fallback : value.strip();
    }

    /** A whole number, or {@code fallback} when the key is not set. */
    public int whole(String key, int fallback) throws StationException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw error("'" + key + "' takes a whole number, not '" + value + "'");
        }
    }

    /** A number, or {@code fallback} when the key is not set. */
    public double number(String key, double fallback) throws StationException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw error("'" + key + "' takes a number, not '" + value + "'");
        }
    }

    /** An error about these settings, naming the station. */
    public StationException error(String message) {
        return new StationException(station + ": " + message);
    }
}
