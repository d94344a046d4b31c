/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.SampleListener;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.stats.Figures;
import org.benchwright.engine.stats.Point;
import org.benchwright.engine.stats.ProcessWindow;
import org.benchwright.engine.stats.ProfileStatistics;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneSetpoint;


/**
 * Runs one heat step: drives the station's top zone so that the joint thermocouple follows the profile (a cascade:
 * the zone's own controller holds its air temperature; this one sets it from the joint's error, with look-ahead and
 * a feed-forward on the joint-board difference), holds the bottom zone at the profile's setpoint, and watches
 * interlocks that act on their own: over-temperature (profile ceiling, or the part's classification temperature on
 * the package), a runaway heater, an open or silent thermocouple and any fault the driver reports each put the
 * station in safe state at once and fail the step. Every sample is kept; telemetry, faults and the figures with the
 * Process Window Index go to the job's journal.
 *
 * <p>Timing comes from the joint channel's {@link TemperatureChannel#samplePeriod() sample period}: the controller's
 * integral advances by the time between samples, and the telemetry watchdog allows {@link #TOLERATED_MISSES} missed
 * samples before it calls the joint silent, so that a meter that misses a reading now and then (and reports a lost
 * link itself when it misses more) does not stop a heat step.
 *
 * <p>Threads: the channels' listeners run on the station's sampling thread(s) and {@link #run} on the job's. Every
 * piece of control and telemetry state is guarded by {@link #lock}; the package channel's filter by a lock of its
 * own, so that the package interlock never waits for a control decision (which may be a bus transaction). When the
 * step ends, the job thread removes the listeners and then takes both locks, which waits for a callback in flight,
 * and marks the runner detached so that a late callback changes nothing. Only {@code lastSample},
 * {@code packageCelsius}, {@code done}, {@code stopped} and the tripped fault are read across threads without a lock
 * (they are volatile or atomic). {@link #stop} and the interlocks' trip never take a lock: safe state never waits.
 */
public final class HeatStepRunner {

    /** How far ahead of the joint the controller looks on the reference, s (the thermal model: 5-10 s). */
    static final double LOOK_AHEAD = 5;
    /** The air cools slowly (its time constant is minutes): its feed-forward looks further ahead. */
    static final double FEED_FORWARD_AHEAD = 12;
    static final double FEED_FORWARD = 1.5;
    static final double KP = 3;
    static final double KI = 0.1;
    /** Cooling the station manages without forced air, °C/s, to plan the time above liquidus on the way down. */
    static final double COOL_RATE = 1.0;
    /** How far under its classification temperature the controller keeps the package, °C. */
    static final double PACKAGE_MARGIN = 2;
    /** How hard the package override pulls the air down per °C the package is into its margin. */
    static final double PACKAGE_GAIN = 10;
    /** A heater whose zone reads this far above what it was told is running away, °C. */
    static final double RUNAWAY = 60;
    /** How long a zone far above its setpoint may keep heating before it counts as running away, s. */
    static final double RUNAWAY_SECONDS = 1;
    /** Joint samples in a row that may go missing before the watchdog calls the joint silent. */
    static final int TOLERATED_MISSES = 3;

    /** Waits for the station's time to move on: advances a simulator, or sleeps for a real bench. */
    @FunctionalInterface
    public interface Pacer {
        void await(double seconds);
    }

    /** Sees every joint sample as the step runs, for a live display; called on the station's sampling thread. */
    @FunctionalInterface
    public interface Observer {
        void sample(HeatSample sample);
    }

    /** How the step ended, what it measured and how that was judged. */
    public record Result(boolean completed, Fault fault, List<Point> joint, Figures figures,
            ProcessWindow.Judgement judgement) {
    }

    private final Station station;
    private final ThermalProfile profile;
    private final Limits limits;
    private final Journal journal;
    private final String step;
    private final AtomicReference<Fault> tripped = new AtomicReference<>();
    /** Guards everything below it up to the volatile fields. */
    private final Object lock = new Object();
    private final List<Point> joint = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<double[]> pending = new ArrayList<>();
    /**
     * What else stood at each joint sample not yet recorded, beside {@link #pending}, by channel: the package's latest
     * sample, the plan, the top zone's reading and what it was told, the board's latest sample and the bottom zone's
     * reading. The joint alone is controlled on; the rest lets a reader tell how the board and the station answered
     * (a profile developed from the record learns the board's thermal behaviour from them).
     */
    private final Map<String, List<double[]>> pendingChannels = new LinkedHashMap<>();
    private SpikeFilter filter;
    /** Guards the package filter. */
    private final Object packageLock = new Object();
    private SpikeFilter packageFilter;
    private Trajectory trajectory;
    private Observer observer = sample -> {
    };
    private double start = Double.NaN;
    private double previousSample = Double.NaN;
    private double samplePeriod = Double.NaN;
    private double integral;
    private double commanded;
    private double previousZone = Double.NaN;
    private int runawaySamples;
    private boolean cooling;
    private volatile boolean detached;
    private volatile double packageCelsius = Double.NaN;
    private volatile double lastSample;
    private volatile boolean done;
    private volatile String stopped;

    /**
     * @param limits the interlock ceilings: the joint's (profile peak plus margin) and the package's (its Tc)
     */
    public HeatStepRunner(Station station, ThermalProfile profile, Limits limits, Journal journal, String step) {
        this.station = station;
        this.profile = profile;
        this.limits = limits;
        this.journal = journal;
        this.step = step;
    }

    /** Ceilings the interlocks hold, °C, and the temperature at which the step is over. */
    public record Limits(double jointCeiling, double packageCeiling, double liquidus, double endBelow) {
    }

    /** Shows every joint sample to {@code observer} from now on. */
    public void observe(Observer observer) {
        synchronized (lock) {
            this.observer = observer;
        }
    }

    /** How long each control decision took, sample in to setpoint out, in nanoseconds. */
    public List<Long> latencies() {
        synchronized (lock) {
            return List.copyOf(latencies);
        }
    }

    public Result run(Pacer pacer) throws IOException {
        TemperatureChannel jointChannel = station.channel(ChannelRole.JOINT);
        TemperatureChannel packageChannel = station.channel(ChannelRole.COMPONENT);
        HeaterZone top = station.zone(ZoneRole.TOP);
        if (jointChannel == null || top == null) {
            throw new IOException(station.id() + " has no joint thermocouple or no top heater: it cannot run a profile");
        }
        synchronized (lock) {
            samplePeriod = jointChannel.samplePeriod();
        }
        if (!(samplePeriod > 0)) {
            throw new IOException(station.id() + ": the joint channel " + jointChannel.id() + " states no sample period ("
                    + samplePeriod + " s): the watchdog cannot tell a silent thermocouple");
        }
        synchronized (lock) {
            filter = new SpikeFilter(samplePeriod);
        }
        synchronized (packageLock) {
            double period = packageChannel == null ? 0 : packageChannel.samplePeriod();
            packageFilter = new SpikeFilter(period > 0 ? period : samplePeriod);
        }
        SampleListener onJoint = this::onJoint;
        SampleListener onPackage = this::onPackage;
        FaultListener onFault = this::trip;
        // the limits the step runs under and the soak's band, so that a reader can draw the curves against them
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("step", step);
        started.put("profile", profile.getName());
        started.put("station", station.id());
        started.put("liquidus", limits.liquidus());
        started.put("jointCeiling", limits.jointCeiling());
        started.put("packageCeiling", limits.packageCeiling());
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof SoakSegment soak) {
                started.put("soakFrom", soak.getTemperature().getMin().celsius());
                started.put("soakTo", soak.getTemperature().getMax().celsius());
                break;
            }
        }
        // what the station's zones may be told, so that a profile developed from the record stays within them
        Map<String, Object> zones = new LinkedHashMap<>();
        for (HeaterZone zone : station.zones()) {
            zones.put(zone.role().name().toLowerCase(Locale.ROOT), List.of(zone.minCelsius(), zone.maxCelsius()));
        }
        started.put("zones", zones);
        journal.append("heat.started", started);
        station.addFaultListener(onFault);
        jointChannel.addListener(onJoint);
        if (packageChannel != null) {
            packageChannel.addListener(onPackage);
        }
        try {
            startBottom();
            lastSample = station.now();
            while (!done && tripped.get() == null && stopped == null) {
                pacer.await(0.05);
                watchdog();
            }
        } catch (StationException e) {
            trip(new Fault(station.id(), Fault.Kind.LINK_LOST, station.now(), e.getMessage()));
        } finally {
            jointChannel.removeListener(onJoint);
            if (packageChannel != null) {
                packageChannel.removeListener(onPackage);
            }
            station.removeFaultListener(onFault);
            detach();
        }
        if (stopped != null) {
            station.safeState(stopped); // again: a control decision under way when it stopped may have set a zone
        }
        flushTelemetry();
        return finish();
    }

    /**
     * Waits for a sample callback in flight (a listener removed from a channel may still be running on the sampling
     * thread), then makes every later one a no-op: from here on the job thread alone owns the step's state.
     */
    private void detach() {
        synchronized (lock) {
            synchronized (packageLock) {
                detached = true;
            }
        }
    }

    private void startBottom() throws StationException {
        HeaterZone bottom = station.zone(ZoneRole.BOTTOM);
        for (ZoneSetpoint setpoint : profile.getSetpoints()) {
            if (setpoint.getZone() == org.benchwright.model.ZoneRole.BOTTOM && bottom != null) {
                bottom.setSetpoint(setpoint.getTemperature().celsius());
            }
        }
    }

    /**
     * Stops the step from any thread, for an operator's abort: the station goes to safe state at once and
     * {@link #run} returns a result that is neither completed nor faulted.
     */
    public void stop(String reason) {
        stopped = reason;
        station.safeState(reason);
    }

    private void onPackage(Sample s) {
        synchronized (packageLock) {
            if (detached || !s.valid()) {
                return;
            }
            packageCelsius = packageFilter.add(s.celsius());
            if (packageCelsius > limits.packageCeiling()) {
                trip(new Fault(s.channel(), Fault.Kind.OVER_TEMPERATURE, s.time(), "package " + round(s.celsius())
                        + " °C is above its classification temperature " + round(limits.packageCeiling()) + " °C"));
            }
        }
    }

    private void onJoint(Sample sample) {
        synchronized (lock) {
            if (!detached) {
                control(sample);
            }
        }
    }

    /** One joint sample: interlocks, then the control decision; under the lock. */
    private void control(Sample sample) {
        if (tripped.get() != null || done || stopped != null) {
            return;
        }
        lastSample = sample.time();
        // the integral advances by the time that really passed (a missed sample makes it longer), never by more
        // than the watchdog allows
        double dt = Double.isNaN(previousSample) ? samplePeriod
                : Math.max(0, Math.min(sample.time() - previousSample, (TOLERATED_MISSES + 1) * samplePeriod));
        previousSample = sample.time();
        if (!sample.valid()) {
            trip(new Fault(sample.channel(), Fault.Kind.SENSOR_OPEN, sample.time(), "the joint thermocouple reads "
                    + (sample.openCircuit() ? "open circuit" : "out of range") + ": no temperature to control on"));
            return;
        }
        double celsius = filter.add(sample.celsius());
        if (Double.isNaN(start)) {
            start = sample.time();
            trajectory = new Trajectory(profile, celsius, limits.liquidus(), COOL_RATE);
        }
        double t = sample.time() - start;
        joint.add(new Point(t, celsius));
        pending.add(new double[] { t, celsius });
        double packageRead = latest(ChannelRole.COMPONENT);
        pend("package", t, packageRead);
        pend("plan", t, trajectory.at(t));
        if (celsius > limits.jointCeiling()) {
            trip(new Fault(sample.channel(), Fault.Kind.OVER_TEMPERATURE, sample.time(), "joint " + round(celsius)
                    + " °C is above the ceiling " + round(limits.jointCeiling()) + " °C"));
            return;
        }
        HeaterZone top = station.zone(ZoneRole.TOP);
        double zone = top.zoneCelsius();
        boolean rising = zone > previousZone + 0.25;
        previousZone = zone;
        // hot air cools slowly when told less, and a zone's own loop overshoots: only a zone far above its setpoint
        // that keeps heating for a second (four samples at 4 Hz, two at 2 Hz) runs away
        runawaySamples = zone > Math.max(commanded, top.minCelsius()) + RUNAWAY && rising ? runawaySamples + 1 : 0;
        if (runawaySamples >= Math.max(2, Math.ceil(RUNAWAY_SECONDS / samplePeriod))) {
            trip(new Fault(top.id(), Fault.Kind.HEATER_STUCK, sample.time(), "the " + top.id() + " heater reads "
                    + round(top.zoneCelsius()) + " °C, told " + round(commanded) + " °C: it does not obey"));
            return;
        }
        try {
            long began = System.nanoTime();
            control(t, celsius, dt, top);
            latencies.add(System.nanoTime() - began);
            pend("air", t, zone);
            pend("air-setpoint", t, commanded);
            pend("board", t, latest(ChannelRole.BOARD));
            HeaterZone bottom = station.zone(ZoneRole.BOTTOM);
            pend("bottom", t, bottom != null && bottom.isOn() ? bottom.zoneCelsius() : Double.NaN);
            try {
                observer.sample(new HeatSample(t, trajectory.at(t), celsius, packageRead, top.zoneCelsius()));
            } catch (RuntimeException e) {
                // a display that fails must not stop the control loop: it runs on the station's sampling thread
            }
            if (pending.size() >= 4) {
                flushTelemetry();
            }
        } catch (StationException e) {
            trip(new Fault(top.id(), Fault.Kind.LINK_LOST, sample.time(), e.getMessage()));
        } catch (IOException e) {
            trip(new Fault("journal", Fault.Kind.DEVICE_ERROR, sample.time(), "the record cannot be written: " + e.getMessage()));
        }
    }

    private void control(double t, double celsius, double dt, HeaterZone top) throws StationException {
        if (!cooling && t >= trajectory.reflowEnd()) {
            cooling = true;
            HeaterZone bottom = station.zone(ZoneRole.BOTTOM);
            if (bottom != null) {
                bottom.off();
            }
        }
        if (cooling) {
            commanded = top.minCelsius();
            top.setSetpoint(commanded);
            done = celsius <= limits.endBelow();
            if (done) {
                top.off();
            }
            return;
        }
        double reference = trajectory.at(t + LOOK_AHEAD);
        double ahead = trajectory.at(t + FEED_FORWARD_AHEAD);
        double error = trajectory.at(t) - celsius;
        TemperatureChannel board = station.channel(ChannelRole.BOARD);
        double boardCelsius = board != null && board.latest() != null && board.latest().valid() ? board.latest().celsius()
                : reference - 60;
        integral = Math.max(-60, Math.min(60, integral + KI * error * dt));
        double air = reference + FEED_FORWARD * Math.max(0, ahead - boardCelsius) + KP * error + integral;
        commanded = Math.max(top.minCelsius(), Math.min(top.maxCelsius(), Math.min(air, packageOverride(top))));
        top.setSetpoint(commanded);
    }

    /**
     * The override that keeps the package under its ceiling: once the package reads within {@link #PACKAGE_MARGIN}
     * of it (spikes filtered out, as the interlock reads it), the air is held below what the zone has now, in
     * proportion to the excess, whatever the joint asks for. The joint then peaks where the package allows (the
     * statistics say whether that is inside the window) instead of the interlock tripping. Unlimited without a
     * package thermocouple.
     */
    private double packageOverride(HeaterZone top) {
        double excess = packageCelsius - (limits.packageCeiling() - PACKAGE_MARGIN);
        return !(excess > 0) ? Double.POSITIVE_INFINITY : top.zoneCelsius() - PACKAGE_GAIN * excess;
    }

    /**
     * Trips when the joint has been silent for longer than {@link #TOLERATED_MISSES} missed samples allow; the job
     * thread calls it between its waits.
     */
    private void watchdog() {
        double silence = station.now() - lastSample;
        double allowed = (TOLERATED_MISSES + 1) * samplePeriod;
        if (silence > allowed && tripped.get() == null && !done) {
            trip(new Fault(station.id(), Fault.Kind.TELEMETRY_STOPPED, station.now(), "no joint sample for "
                    + round(silence * 1000) + " ms (a sample every " + round(samplePeriod * 1000) + " ms expected; "
                    + TOLERATED_MISSES + " may be missed)"));
        }
    }

    /** Safe state first, then the record: a fault never waits for a disk. */
    private void trip(Fault fault) {
        if (stopped != null) {
            return; // stopped on purpose: the samples it no longer takes are not a silence
        }
        if (!tripped.compareAndSet(null, fault)) {
            return;
        }
        station.safeState(fault.toString());
    }

    private void flushTelemetry() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        // the joint as controlled on, the package as the interlock watched it, the plan the joint followed, what the
        // station read and was told: one write
        List<Object> entries = new ArrayList<>();
        entries.add(telemetry("joint", pending));
        pendingChannels.forEach((channel, samples) -> {
            if (!samples.isEmpty()) {
                entries.add(telemetry(channel, samples));
            }
        });
        journal.appendAll("telemetry", entries);
        pending.clear();
        pendingChannels.values().forEach(List::clear);
    }

    /** Keeps a value beside the joint sample at {@code t}, unless there is none ({@code NaN}). */
    private void pend(String channel, double t, double celsius) {
        List<double[]> samples = pendingChannels.computeIfAbsent(channel, c -> new ArrayList<>());
        if (!Double.isNaN(celsius)) {
            samples.add(new double[] { t, celsius });
        }
    }

    /** The channel's latest valid sample, °C; {@code NaN} without the channel or a valid sample. */
    private double latest(ChannelRole role) {
        TemperatureChannel channel = station.channel(role);
        Sample sample = channel == null ? null : channel.latest();
        return sample != null && sample.valid() ? sample.celsius() : Double.NaN;
    }

    private Map<String, Object> telemetry(String channel, List<double[]> samples) {
        return Map.of("step", step, "channel", channel, "samples", List.copyOf(samples));
    }

    private Result finish() throws IOException {
        Fault fault = tripped.get();
        if (fault == null && stopped != null) {
            journal.append("heat.stopped", Map.of("step", step, "reason", stopped, "safeState", true));
            return new Result(false, null, List.copyOf(joint), null, null);
        }
        if (fault != null) {
            journal.append("fault", Map.of("step", step, "kind", fault.kind().name(), "source", fault.source(),
                    "time", fault.time(), "message", fault.message(), "safeState", true));
            journal.append("heat.failed", Map.of("step", step, "reason", fault.toString()));
            return new Result(false, fault, List.copyOf(joint), null, null);
        }
        double soakMin = Double.NaN;
        double soakMax = Double.NaN;
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof SoakSegment soak && Double.isNaN(soakMin)) {
                soakMin = soak.getTemperature().getMin().celsius();
                soakMax = soak.getTemperature().getMax().celsius();
            }
        }
        double band = profile.getLimits() != null && profile.getLimits().getNearPeakBand() != null
                ? profile.getLimits().getNearPeakBand().celsius() : 5;
        Figures figures = ProfileStatistics.of(median5(joint), limits.liquidus(), band, soakMin, soakMax);
        ProcessWindow.Judgement judgement = ProcessWindow.judge(figures, profile);
        journal.append("heat.statistics", Map.of("step", step, "figures", figures, "pwi", judgement.pwi(), "windows",
                judgement.statistics().stream().map(j -> Map.of("figure", ProcessWindow.FIGURES.get(j.statistic()),
                        "statistic", j.statistic(), "min", j.min(), "max", j.max(), "unit", j.unit())).toList()));
        journal.append("heat.done", Map.of("step", step, "inside", judgement.inside()));
        return new Result(true, null, List.copyOf(joint), figures, judgement);
    }

    /** The trace the figures are judged on: a median of five, so that no pair of spikes reads as a ramp. */
    static List<Point> median5(List<Point> trace) {
        List<Point> smooth = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            double[] window = trace.subList(Math.max(0, i - 2), Math.min(trace.size(), i + 3)).stream()
                    .mapToDouble(Point::celsius).sorted().toArray();
            smooth.add(new Point(trace.get(i).time(), window[window.length / 2]));
        }
        return smooth;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
