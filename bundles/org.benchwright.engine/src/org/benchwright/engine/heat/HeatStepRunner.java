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
import org.benchwright.driver.api.Cooler;
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
 * Runs one heat step: drives the station's top zone so that the joint thermocouple follows the profile's
 * {@link Trajectory} (a cascade: the zone's own controller holds its air temperature; {@link TopLoop} asks for the air
 * that puts the joint where the plan will be, from the share of the air's excess over the board that reaches the
 * joint, learned as the step runs ({@link AirShare}), with a PI correction), holds the bottom zone at the profile's
 * setpoint (alone first, while a preheat brings the joint up), follows the plan down with the station's cooling fan if
 * it has one ({@link FanLoop}), holds the air back before the package reaches its classification temperature
 * ({@link PackageHold}), and watches interlocks that act on their own: over-temperature (profile ceiling, or the part's classification temperature on
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
 * {@code packageCelsius}, {@code packageSlope}, {@code done}, {@code stopped} and the tripped fault are read across
 * threads without a lock (they are volatile or atomic). {@link #stop} and the interlocks' trip never take a lock:
 * safe state never waits.
 */
public final class HeatStepRunner {

    /** How long after the top zone comes on the plan waits while the nozzle flushes out cold air, at most, s. */
    static final double FLUSH = 5;
    /** A preheat that has not brought the joint up by 1 °C for this long ends where it is, s. */
    static final double PREHEAT_STALL = 30;
    /** A step still heating this long after its plan's end is stopped, s: something keeps the joint from following. */
    static final double OVERRUN = 300;
    /** Cooling the station manages without forced air, °C/s, to plan the time above liquidus on the way down. */
    static final double COOL_RATE = 1.0;
    /** Over how long the package's rate of rise is smoothed, s. */
    static final double PACKAGE_SLOPE_SMOOTHING = 5;
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
    private final TelemetryBuffer telemetry;
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
    private TopLoop topLoop;
    private PackageHold hold;
    private final FanLoop fanLoop = new FanLoop();
    private boolean pendingOverride;
    /** When the preheat ended, s into the step; {@code NaN} while it has not. */
    private double preheated = Double.NaN;
    private boolean pendingPreheated;
    /**
     * Where the step is on its plan, s: it keeps time with the step but waits while the bottom zone alone preheats
     * (see {@link #preheating}) and while the top's nozzle first blows out air colder than the joint.
     */
    private double planTime;
    /**
     * Whether the profile's preheat is under way: the top stays off until the bottom zone alone has brought the joint
     * to {@link #preheatTo} (or the joint stops rising), and the plan starts then. The top's lowest air would push a
     * small part on a cold board up far faster than any ramp allows; warmed from below first, it follows.
     */
    private boolean preheating;
    private double preheatTo = Double.NaN;
    private double preheatStalledAt = Double.NEGATIVE_INFINITY;
    private double preheatSince;
    private double previousZone = Double.NaN;
    private int runawaySamples;
    private boolean cooling;
    private volatile boolean detached;
    private volatile double packageCelsius = Double.NaN;
    /** How fast the package rises, °C/s, smoothed; under {@link #packageLock} but read without it. */
    private volatile double packageSlope = Double.NaN;
    private double packageTime = Double.NaN;
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
        this.telemetry = new TelemetryBuffer(step);
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
            topLoop = new TopLoop(top, station.channel(ChannelRole.BOARD), samplePeriod);
            preheatTo = Trajectory.preheat(profile);
            hold = new PackageHold(limits.packageCeiling());
            preheating = preheatTo > 0 && station.zone(ZoneRole.BOTTOM) != null;
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
        fanOff();
        flushTelemetry();
        return finish();
    }

    /** The fan stops with the step, whichever way it ended; a fan that does not answer any more is left to its own. */
    private void fanOff() {
        Cooler cooler = station.cooler();
        if (cooler != null && cooler.flow() > 0) {
            try {
                cooler.setFlow(0);
            } catch (StationException e) {
                // the link is gone: the step's fault says so already, and a fan heats nothing
            }
        }
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
            double filtered = packageFilter.add(s.celsius());
            if (!Double.isNaN(packageCelsius) && s.time() > packageTime) {
                double dt = s.time() - packageTime;
                double slope = (filtered - packageCelsius) / dt;
                packageSlope = Double.isNaN(packageSlope) ? slope
                        : packageSlope + (slope - packageSlope) * Math.min(1, dt / PACKAGE_SLOPE_SMOOTHING);
            }
            packageTime = s.time();
            packageCelsius = filtered;
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
            trajectory = new Trajectory(profile, preheating ? Math.max(celsius, preheatTo) : celsius, limits.liquidus(),
                    station.cooler() != null ? Trajectory.coolRate(profile, COOL_RATE) : COOL_RATE);
        }
        double t = sample.time() - start;
        if (preheating && celsius >= preheatStalledAt + 1) {
            preheatStalledAt = celsius;
            preheatSince = t;
        }
        if (preheating && (celsius >= preheatTo || t - preheatSince > PREHEAT_STALL)) {
            preheating = false; // there, or the bottom zone alone brings the joint no further: the top takes over
            preheated = t;
            pendingPreheated = true;
        }
        if (planTime > trajectory.duration() + OVERRUN) {
            stop("the step is " + Math.round(OVERRUN) + " s past its plan's end (" + Math.round(trajectory.duration())
                    + " s) and the joint is still at " + round(celsius) + " °C: it does not follow the plan");
            return;
        }
        // the plan waits while the bottom zone alone preheats, and for the few seconds after the top comes on that its
        // nozzle blows out air colder than the joint
        boolean flushing = !cooling && topLoop.commanded() != TopLoop.OFF && t - topLoop.engaged() < FLUSH
                && station.zone(ZoneRole.TOP).zoneCelsius() < celsius;
        if (t > 0 && !preheating && !flushing) {
            planTime += dt;
        }
        joint.add(new Point(t, celsius));
        telemetry.joint(t, celsius);
        double packageRead = latest(ChannelRole.COMPONENT);
        telemetry.beside("package", t, packageRead);
        telemetry.beside("plan", t, preheating ? celsius : trajectory.at(planTime));
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
        double commanded = topLoop.commanded();
        runawaySamples = zone > Math.max(commanded, top.minCelsius()) + RUNAWAY && rising ? runawaySamples + 1 : 0;
        if (runawaySamples >= Math.max(2, Math.ceil(RUNAWAY_SECONDS / samplePeriod))) {
            trip(new Fault(top.id(), Fault.Kind.HEATER_STUCK, sample.time(), "the " + top.id() + " heater reads "
                    + round(top.zoneCelsius()) + " °C, "
                    + (commanded == TopLoop.OFF ? "turned off" : "told " + round(commanded) + " °C")
                    + ": it does not obey"));
            return;
        }
        try {
            long began = System.nanoTime();
            control(planTime, celsius, dt, top);
            latencies.add(System.nanoTime() - began);
            telemetry.beside("air", t, zone);
            telemetry.beside("air-setpoint", t, topLoop.commanded());
            telemetry.beside("board", t, latest(ChannelRole.BOARD));
            HeaterZone bottom = station.zone(ZoneRole.BOTTOM);
            telemetry.beside("bottom", t, bottom != null && bottom.isOn() ? bottom.zoneCelsius() : Double.NaN);
            telemetry.beside("fan", t, station.cooler() != null ? fanLoop.flow() : Double.NaN);
            try {
                observer.sample(new HeatSample(t, trajectory.at(planTime), celsius, packageRead, top.zoneCelsius()));
            } catch (RuntimeException e) {
                // a display that fails must not stop the control loop: it runs on the station's sampling thread
            }
            if (telemetry.size() >= 4) {
                flushTelemetry();
            }
        } catch (StationException e) {
            trip(new Fault(top.id(), Fault.Kind.LINK_LOST, sample.time(), e.getMessage()));
        } catch (IOException e) {
            trip(new Fault("journal", Fault.Kind.DEVICE_ERROR, sample.time(), "the record cannot be written: " + e.getMessage()));
        }
    }

    /** The control decision at plan time {@code t}. */
    private void control(double t, double celsius, double dt, HeaterZone top) throws StationException {
        if (!cooling && (t >= trajectory.reflowEnd() || hold.holding() && t >= trajectory.kneeTime()
                && celsius >= trajectory.peakMin())) {
            // the plan's peak is reached, or the package holds the joint back inside the peak window: waiting for
            // more would only keep it near its peak
            cooling = true;
            HeaterZone bottom = station.zone(ZoneRole.BOTTOM);
            if (bottom != null) {
                bottom.off();
            }
        }
        if (cooling || preheating) {
            // off: the bottom zone preheats alone, or the joint cools
            topLoop.tell(Double.NEGATIVE_INFINITY, previousSample - start);
        }
        if (preheating) {
            return;
        }
        if (cooling) {
            done = celsius <= limits.endBelow();
            cool(t, celsius, dt, done);
            if (done) {
                top.off();
            }
            return;
        }
        boolean neverHeld = Double.isNaN(hold.since());
        double cap = Double.isNaN(packageCelsius) ? Double.POSITIVE_INFINITY
                : hold.cap(packageCelsius, packageSlope, top.zoneCelsius(), top.maxCelsius(), dt, previousSample - start);
        pendingOverride |= neverHeld && !Double.isNaN(hold.since()); // recorded once, at the next write
        topLoop.tell(topLoop.air(trajectory.at(t), trajectory.at(t + TopLoop.LOOK_AHEAD),
                trajectory.at(t + TopLoop.FEED_FORWARD_AHEAD), celsius, dt, cap), previousSample - start);
    }

    /**
     * Drives the cooling fan, if the station has one, so that the joint follows the plan down: the flow rises with how
     * far the joint is above where the plan is a little later ({@link FanLoop}); off when the step is done.
     */
    private void cool(double t, double celsius, double dt, boolean over) throws StationException {
        Cooler cooler = station.cooler();
        if (cooler == null) {
            return;
        }
        cooler.setFlow(over ? fanLoop.off()
                : fanLoop.flow(celsius, trajectory.at(t), trajectory.at(t + FanLoop.AHEAD), dt));
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
        if (pendingPreheated) {
            // the plan starts here: before, the joint followed the board, not a plan
            pendingPreheated = false;
            journal.append("heat.preheated", Map.of("step", step, "time", preheated, "target", preheatTo));
        }
        if (pendingOverride) {
            // once: the joint follows the package's limit from here, not the plan
            pendingOverride = false;
            journal.append("heat.package-held", Map.of("step", step, "time", hold.since(), "package", packageCelsius,
                    "packageCeiling", limits.packageCeiling()));
        }
        List<Object> entries = telemetry.take();
        if (!entries.isEmpty()) {
            // the joint as controlled on, the package as the interlock watched it, the plan the joint followed, what
            // the station read and was told: one write
            journal.appendAll("telemetry", entries);
        }
    }

    /** The channel's latest valid sample, °C; {@code NaN} without the channel or a valid sample. */
    private double latest(ChannelRole role) {
        TemperatureChannel channel = station.channel(role);
        Sample sample = channel == null ? null : channel.latest();
        return sample != null && sample.valid() ? sample.celsius() : Double.NaN;
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
        Figures figures = ProfileStatistics.of(profile, joint, limits.liquidus());
        ProcessWindow.Judgement judgement = ProcessWindow.judge(figures, profile);
        journal.append("heat.statistics", Map.of("step", step, "figures", figures, "pwi", judgement.pwi(), "windows",
                judgement.statistics().stream().map(j -> Map.of("figure", ProcessWindow.FIGURES.get(j.statistic()),
                        "statistic", j.statistic(), "min", j.min(), "max", j.max(), "unit", j.unit())).toList()));
        journal.append("heat.done", Map.of("step", step, "inside", judgement.inside()));
        return new Result(true, null, List.copyOf(joint), figures, judgement);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
