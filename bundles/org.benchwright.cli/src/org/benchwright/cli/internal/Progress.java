/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.benchwright.driver.api.Fault;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.steps.StepMachine.StepProgress;

/** What the terminal shows of a running job: each step as it starts and ends, temperatures during heat, faults. */
final class Progress implements JobListener {

    /** Seconds of station time between two lines of temperatures. */
    private static final double EVERY = 10;

    private final PrintStream out;
    private double next;

    Progress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void stepActive(StepProgress step) {
        out.println();
        out.println("> " + step.path() + " [" + step.step().eClass().getName().replace("Step", "").toLowerCase(Locale.ROOT)
                + "]");
    }

    @Override
    public void stepEnded(StepProgress step) {
        out.println("  " + step.state().getLiteral() + (step.reason() == null ? "" : ": " + step.reason()));
    }

    @Override
    public void heatStarted(StepProgress step, String profile) {
        next = 0;
        out.println("  profile " + profile + ", closed loop on the joint thermocouple");
        out.println("      time    plan   joint  package     air");
    }

    @Override
    public void heatSample(HeatSample s) {
        if (s.time() >= next) {
            next = s.time() + EVERY;
            out.printf(Locale.ROOT, "  %6.0f s %5.1f %7.1f %8.1f %7.1f  °C%n", s.time(), s.reference(), s.joint(),
                    s.component(), s.zone());
        }
    }

    @Override
    public void heatEnded(StepProgress step, HeatStepRunner.Result result) {
        if (result.figures() != null) {
            out.printf(Locale.ROOT, "  peak %.1f °C, %.1f s above liquidus, PWI %.1f%n", result.figures().peak(),
                    result.figures().timeAboveLiquidus(), result.judgement().pwi());
        }
    }

    @Override
    public void fault(Fault fault) {
        out.println("  FAULT, heaters off: " + fault);
    }
}
