/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/** A thermocouple input delivering timestamped samples. Implemented by drivers; called by the engine. */
@ConsumerType
public interface TemperatureChannel {

    String id();

    ChannelRole role();

    /**
     * Seconds between two samples on the station's clock, as the driver is set up to deliver them (for example a
     * meter polled every 500 ms: 0.5). The engine derives its telemetry watchdog and its controller's time step from
     * it, so it must be what the channel really does, not a best case: the conformance kit checks it.
     */
    double samplePeriod();

    /** The last sample, or {@code null} before the first. */
    Sample latest();

    void addListener(SampleListener listener);

    void removeListener(SampleListener listener);
}
