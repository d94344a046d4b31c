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

/** A thermocouple input delivering timestamped samples. Implemented by drivers; called by the engine. */
public interface TemperatureChannel {

    String id();

    ChannelRole role();

    /** The last sample, or {@code null} before the first. */
    Sample latest();

    void addListener(SampleListener listener);

    void removeListener(SampleListener listener);
}
