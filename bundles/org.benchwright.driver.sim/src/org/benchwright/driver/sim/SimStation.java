/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Cooler;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PublishingChannel;

/**
 * A simulated rework station: a hot-air top heater and an IR bottom preheater, each with its own controller, and
 * thermocouples on the joint, the component, the board and the air, over a {@link ThermalNetwork}; the nozzle
 * blows while the top heater is on, in a safe state and until its element has cooled down after it is turned off
 * (the jet then cools), and stands still after; a cooling fan blows ambient air on the part and the board around it.
 * Time is
 * simulated: {@link #advance(double)} moves it on at once (tests, faster-than-real demos), {@link SimClock} moves it
 * along with real time at a chosen speed. Faults are injected with {@link #inject(SimFault)}. The safe state opens
 * a mains contactor that no stuck heater or lost link can override.
 */
public final class SimStation implements Station {

    /** Integration step of the network, s. */
    static final double DT = 0.01;
    /** Zone controllers run at 10 Hz. */
    static final double CONTROL_PERIOD = 0.1;
    /** Thermocouples are sampled at 4 Hz unless told otherwise. */
    public static final double SAMPLE_PERIOD = 0.25;

    private final ThermalNetwork network;
    private final Random random;
    private final SimZone top;
    private final SimZone bottom;
    private final SimCooler fan = new SimCooler();
    private final List<SimChannel> channels;
    private final List<FaultListener> faultListeners = new CopyOnWriteArrayList<>();
    private final Set<SimFault> faults = EnumSet.noneOf(SimFault.class);
    private final double samplePeriod;
    private int samplesToMiss;
    private volatile boolean contactorOpen;
    private final Object clockLock = new Object();
    private volatile SimClock clock;
    private double time;
    private double heatSince = Double.NaN;
    private volatile FaultPlan plan;
    private double nextControl;
    private double nextSample;

    public SimStation(ThermalParameters parameters, long seed) {
        this(parameters, seed, SAMPLE_PERIOD);
    }

    /**
     * @param samplePeriod seconds between two thermocouple samples, as a meter polled at that period delivers them
     */
    public SimStation(ThermalParameters parameters, long seed, double samplePeriod) {
        this(parameters, seed, samplePeriod, true);
    }

    /**
     * A station over a model of a board learned from a record: its thermocouples read without offsets, since the
     * model was fitted to what the real ones read, offsets and all; noise and quantisation they keep.
     */
    public static SimStation model(ThermalParameters parameters, long seed) {
        return new SimStation(parameters, seed, SAMPLE_PERIOD, false);
    }

    private SimStation(ThermalParameters parameters, long seed, double samplePeriod, boolean offsets) {
        if (!(samplePeriod >= DT)) {
            throw new IllegalArgumentException("a sample period of " + samplePeriod + " s is shorter than the simulation's "
                    + DT + " s step");
        }
        this.samplePeriod = samplePeriod;
        this.network = new ThermalNetwork(parameters);
        this.random = new Random(seed);
        this.top = new SimZone("top", ZoneRole.TOP, 100, 480, new PiController(0.02, 0.004), 0);
        // a ceramic emitter keeps heating the board minutes after its power is cut: its controller leads by 60 s
        this.bottom = new SimZone("bottom", ZoneRole.BOTTOM, 50, 300, new PiController(0.08, 0.0008), 60);
        double tau = parameters.sensorTau();
        this.channels = List.of(new SimChannel("joint", ChannelRole.JOINT, new Thermocouple(tau, random, offsets)),
                new SimChannel("component", ChannelRole.COMPONENT, new Thermocouple(tau, random, offsets)),
                new SimChannel("board", ChannelRole.BOARD, new Thermocouple(tau, random, offsets)),
                new SimChannel("air", ChannelRole.AIR, new Thermocouple(tau / 4, random, offsets)));
    }

    @Override
    public String id() {
        return "sim:" + network.parameters().name();
    }

    @Override
    public List<HeaterZone> zones() {
        return List.of(top, bottom);
    }

    /** A fan blowing ambient air on the component and the board under the nozzle; it has power in a safe state too. */
    @Override
    public Cooler cooler() {
        return fan;
    }

    @Override
    public List<TemperatureChannel> channels() {
        return channels.stream().map(c -> (TemperatureChannel) c.out).toList();
    }

    @Override
    public synchronized double now() {
        return time;
    }

    /** The true temperatures, which no real station would tell; for tests and the simulator's own display. */
    public ThermalNetwork network() {
        return network;
    }

    /** Whether the mains contactor is open (safe state): no heater gets power. */
    public boolean contactorOpen() {
        return contactorOpen;
    }

    /** Moves simulated time on by {@code seconds}, at once. */
    public void advance(double seconds) {
        List<SimFault> cued = new ArrayList<>();
        synchronized (this) {
            double end = time + seconds;
            while (time < end - 1e-9) {
                step(cued);
            }
        }
        cued.forEach(this::announce); // outside the station's monitor, as inject does
    }

    /** One step of the network; a fault whose cue comes takes effect at once and is announced after. */
    private void step(List<SimFault> cued) {
        if (time >= nextControl) {
            top.control(network.air(), CONTROL_PERIOD);
            bottom.control(network.boardBulk(), CONTROL_PERIOD);
            nextControl += CONTROL_PERIOD;
        }
        boolean stuck = faults.contains(SimFault.HEATER_STUCK_ON);
        double uTop = contactorOpen ? 0 : stuck ? 1 : top.output;
        double uBottom = contactorOpen ? 0 : bottom.output;
        // the nozzle blows while its heater is told to heat, in a safe state, and after it is turned off until its
        // element has cooled below the station's lowest setpoint, as hot-air stations' cool-down does
        boolean jet = top.on || contactorOpen || stuck || network.air() > top.min;
        network.step(DT, uTop, uBottom, fan.flow, jet);
        time += DT;
        if (Double.isNaN(heatSince) && (top.isOn() || bottom.isOn())) {
            heatSince = time;
        }
        FaultPlan cues = plan;
        if (cues != null) {
            for (SimFault fault : cues.due(network.joint(), time - heatSince)) {
                faults.add(fault);
                cued.add(fault);
            }
        }
        double[] truth = { network.joint(), network.component(), network.boardBulk(), network.air() };
        for (int i = 0; i < channels.size(); i++) {
            channels.get(i).thermocouple.follow(truth[i], DT);
        }
        if (time >= nextSample) {
            nextSample += samplePeriod;
            if (samplesToMiss > 0) {
                samplesToMiss--;
            } else if (!faults.contains(SimFault.TELEMETRY_STOPS)) {
                channels.forEach(SimChannel::sample);
            }
        }
    }

    /**
     * Faults the station develops on cue from now on (see {@link FaultPlan}); {@code null} for none. A trainer's or
     * an acceptance test's way to reach every interlock from the product.
     */
    public void plan(FaultPlan plan) {
        this.plan = plan;
    }

    /** Loses the next {@code count} samples of every channel, as a meter that misses readings does. */
    public synchronized void missSamples(int count) {
        samplesToMiss += count;
    }

    /** Makes the station develop a fault from now on. */
    public void inject(SimFault fault) {
        synchronized (this) {
            faults.add(fault);
        }
        announce(fault);
    }

    /** Tells the listeners of a fault the station itself can notice. */
    private void announce(SimFault fault) {
        switch (fault) {
        case LINK_LOST -> report(new Fault(id(), Fault.Kind.LINK_LOST, now(), "no reply from the station"));
        case THERMOCOUPLE_OPEN -> report(new Fault("joint", Fault.Kind.SENSOR_OPEN, now(),
                "joint thermocouple reads open circuit"));
        default -> {
            // the station itself cannot tell: silence, a stuck relay or spikes are for the engine to notice
        }
        }
    }

    @Override
    public boolean simulated() {
        return true;
    }

    /** Advances the clock by {@code seconds} at once; sleeps instead while the station runs at a speed. */
    @Override
    public void pace(double seconds) {
        if (clock != null) {
            Station.super.pace(seconds);
        } else {
            advance(seconds);
        }
    }

    /** Starts, changes or stops the clock that moves this station's time with real time; returns once it is so. */
    @Override
    public void runAt(double speed) {
        synchronized (clockLock) { // not the station's monitor: a tick in flight needs that one to finish
            if (clock != null) {
                clock.close();
            }
            clock = speed > 0 ? new SimClock(this, speed) : null;
        }
    }

    @Override
    public void safeState(String reason) {
        contactorOpen = true;
        top.on = false;
        bottom.on = false;
    }

    @Override
    public void addFaultListener(FaultListener listener) {
        faultListeners.add(listener);
    }

    @Override
    public void removeFaultListener(FaultListener listener) {
        faultListeners.remove(listener);
    }

    @Override
    public void close() {
        safeState("station closed");
        runAt(0);
    }

    private void report(Fault fault) {
        faultListeners.forEach(l -> l.faulted(fault));
    }

    private synchronized boolean has(SimFault fault) {
        return faults.contains(fault);
    }

    /** A heater with its own PI controller on its own temperature (air for the top, board for the bottom). */
    private final class SimZone implements HeaterZone {

        private final String id;
        private final ZoneRole role;
        private final double min;
        private final double max;
        private final PiController controller;
        private final double lead;
        private double previous = Double.NaN;
        private volatile boolean on;
        private volatile double setpoint;
        private double output;
        private double measured = ThermalNetwork.AMBIENT;

        SimZone(String id, ZoneRole role, double min, double max, PiController controller, double lead) {
            this.lead = lead;
            this.id = id;
            this.role = role;
            this.min = min;
            this.max = max;
            this.controller = controller;
        }

        void control(double temperature, double dt) {
            double slope = Double.isNaN(previous) ? 0 : (temperature - previous) / dt;
            previous = temperature;
            measured = temperature;
            output = on ? controller.output(setpoint, temperature + lead * slope, dt) : 0;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ZoneRole role() {
            return role;
        }

        @Override
        public double minCelsius() {
            return min;
        }

        @Override
        public double maxCelsius() {
            return max;
        }

        @Override
        public void setSetpoint(double celsius) throws StationException {
            if (celsius < min || celsius > max) {
                throw new IllegalArgumentException(id + " zone takes " + min + " .. " + max + " °C, not " + celsius);
            }
            requireLink();
            contactorOpen = false;
            if (!on) {
                controller.reset();
            }
            setpoint = celsius;
            on = true;
        }

        @Override
        public void off() throws StationException {
            requireLink();
            on = false;
        }

        private void requireLink() throws StationException {
            if (has(SimFault.LINK_LOST)) {
                throw new StationException(id + ": no reply from the station (link lost)");
            }
        }

        @Override
        public boolean isOn() {
            return on && !contactorOpen;
        }

        @Override
        public double zoneCelsius() {
            return measured;
        }
    }

    /** The cooling fan: its flow acts at once (a fan spins up in well under the joint's time constant). */
    private final class SimCooler implements Cooler {

        private volatile double flow;

        @Override
        public String id() {
            return "fan";
        }

        @Override
        public void setFlow(double fraction) throws StationException {
            if (has(SimFault.LINK_LOST)) {
                throw new StationException("fan: no reply from the station (link lost)");
            }
            flow = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        }

        @Override
        public double flow() {
            return flow;
        }
    }

    /** A thermocouple input: samples every sample period to its channel's listeners, unless telemetry stopped. */
    private final class SimChannel {

        private final PublishingChannel out;
        private final Thermocouple thermocouple;

        SimChannel(String id, ChannelRole role, Thermocouple thermocouple) {
            this.out = new PublishingChannel(id, role, samplePeriod);
            this.thermocouple = thermocouple;
        }

        void sample() {
            if (out.role() == ChannelRole.JOINT && faults.contains(SimFault.THERMOCOUPLE_OPEN)) {
                out.publish(new Sample(out.id(), time, Double.NaN, true, false));
                return;
            }
            double value = thermocouple.read();
            if (faults.contains(SimFault.NOISE_SPIKES) && random.nextDouble() < 0.05) {
                value += (random.nextBoolean() ? 1 : -1) * (20 + random.nextDouble() * 40);
            }
            out.publish(new Sample(out.id(), time, value, false, value > 1372 || value < -270));
        }
    }
}
