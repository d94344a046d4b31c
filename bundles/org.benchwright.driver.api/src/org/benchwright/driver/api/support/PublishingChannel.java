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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.SampleListener;
import org.benchwright.driver.api.TemperatureChannel;

/**
 * A temperature channel a driver publishes its readings to: it keeps the latest sample and hands each one to the
 * listeners, on the driver's thread. For driver implementers; the engine sees only {@link TemperatureChannel}.
 */
public final class PublishingChannel implements TemperatureChannel {

    private final String id;
    private final ChannelRole role;
    private final double samplePeriod;
    private final List<SampleListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Sample latest;

    /**
     * @param samplePeriod seconds between the samples the driver publishes (see {@link #samplePeriod()})
     */
    public PublishingChannel(String id, ChannelRole role, double samplePeriod) {
        if (!(samplePeriod > 0)) {
            throw new IllegalArgumentException(id + ": a sample period must be above 0 s, not " + samplePeriod);
        }
        this.id = id;
        this.role = role;
        this.samplePeriod = samplePeriod;
    }

    /** Makes {@code sample} the latest and hands it to every listener. */
    public void publish(Sample sample) {
        latest = sample;
        listeners.forEach(l -> l.sampled(sample));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChannelRole role() {
        return role;
    }

    @Override
    public double samplePeriod() {
        return samplePeriod;
    }

    @Override
    public Sample latest() {
        return latest;
    }

    @Override
    public void addListener(SampleListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SampleListener listener) {
        listeners.remove(listener);
    }
}
