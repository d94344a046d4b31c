/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.bench;

import java.util.List;

import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.driver.api.Fault;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.steps.StepMachine.StepProgress;

/**
 * A front end's job listener that also tells the bench's CFX endpoint whenever the job wrote something the MES
 * follows (the endpoint reads it from the record at once, instead of at its next look). Every call goes on to the
 * front end's own listener.
 */
public final class CfxJobListener implements JobListener {

    private final JobListener delegate;
    private final CfxEndpoint endpoint;

    public CfxJobListener(JobListener delegate, CfxEndpoint endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
    }

    @Override
    public void jobStarted(List<StepProgress> steps) {
        delegate.jobStarted(steps);
        endpoint.nudge();
    }

    @Override
    public void stepActive(StepProgress step) {
        delegate.stepActive(step);
        endpoint.nudge();
    }

    @Override
    public void stepEnded(StepProgress step) {
        delegate.stepEnded(step);
        endpoint.nudge();
    }

    @Override
    public void heatStarted(StepProgress step, String profile) {
        delegate.heatStarted(step, profile);
    }

    @Override
    public void heatSample(HeatSample sample) {
        delegate.heatSample(sample);
    }

    @Override
    public void heatEnded(StepProgress step, HeatStepRunner.Result result) {
        delegate.heatEnded(step, result);
        endpoint.nudge();
    }

    @Override
    public void fault(Fault fault) {
        delegate.fault(fault);
        endpoint.nudge();
    }
}
