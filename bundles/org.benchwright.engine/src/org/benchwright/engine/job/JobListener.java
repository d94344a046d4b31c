/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

import java.util.List;

import org.benchwright.driver.api.Fault;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.steps.StepMachine.StepProgress;

/**
 * Follows a job as it runs, for a progress display. Called from the job's thread (samples from the station's);
 * every method has an empty default so a front end listens only to what it shows.
 */
public interface JobListener {

    /** The job started (it passed the gate): its steps, in order, all pending. */
    default void jobStarted(List<StepProgress> steps) {
    }

    /** A step became active. */
    default void stepActive(StepProgress step) {
    }

    /** A step ended: done, failed, skipped or aborted. */
    default void stepEnded(StepProgress step) {
    }

    /** A heat step started on the station; samples follow. */
    default void heatStarted(StepProgress step, String profile) {
    }

    /** One sample of the heat step: what the profile asks of the joint now and what the thermocouples read. */
    default void heatSample(HeatSample sample) {
    }

    /** A heat step ended: how, and with what figures. */
    default void heatEnded(StepProgress step, HeatStepRunner.Result result) {
    }

    /** A fault put the station in safe state. */
    default void fault(Fault fault) {
    }
}
