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

import java.util.Map;

import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.support.Settings;

/**
 * The settings of a template station and their defaults, in one place: the README's configuration table says the
 * same. Keep a class like this in your copy: the factory reads it, the tests open stations with its defaults.
 */
record TemplateConfiguration(String port, int baud, double maxCelsius, int pollMillis, int timeoutMillis) {

    static final int BAUD = 9600;
    static final double MAX_CELSIUS = 450;
    static final int POLL_MILLIS = 250;
    static final int TIMEOUT_MILLIS = 200;

    static TemplateConfiguration of(Map<String, String> values) throws StationException {
        String port = values.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("template station: 'port' is missing");
        }
        Settings settings = new Settings("template station on " + port, values);
        return new TemplateConfiguration(port, settings.whole("baud", BAUD), settings.number("max", MAX_CELSIUS),
                settings.whole("poll", POLL_MILLIS), settings.whole("timeout", TIMEOUT_MILLIS));
    }
}
