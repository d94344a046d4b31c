/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.steps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.Journal;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Step;
import org.benchwright.model.StepState;
import org.benchwright.model.UseMaterialStep;

/**
 * A procedure being carried out, step by step: one step active at a time, in order; each step confirmed, measured,
 * its lot captured or its inspection judged as its kind requires, skipped only with a reason, and the whole job
 * abortable. Every transition is written to the journal before it takes effect, so the record never claims less
 * than what happened and a crash leaves the job resumable from its last entry.
 */
public final class StepMachine {

    /** One step with its path ("operation/step") and state. */
    public static final class StepProgress {
        private final String path;
        private final Step step;
        private StepState state = StepState.PENDING;
        private String reason;

        StepProgress(String path, Step step) {
            this.path = path;
            this.step = step;
        }

        public String path() {
            return path;
        }

        public Step step() {
            return step;
        }

        public StepState state() {
            return state;
        }

        /** Why the step failed, was skipped or aborted; {@code null} otherwise. */
        public String reason() {
            return reason;
        }
    }

    private final Journal journal;
    private final ProductClass unitClass;
    private final List<StepProgress> steps = new ArrayList<>();
    private int current = -1;
    private boolean aborted;

    /** A procedure carried out on a unit whose class is not known: an inspection without a class names none. */
    public StepMachine(Procedure procedure, Journal journal) {
        this(procedure, journal, null);
    }

    /**
     * @param unitClass the class of the unit the job works on, which an inspection that names no class of its own
     *                  inspects to; {@code null} when not known
     */
    public StepMachine(Procedure procedure, Journal journal, ProductClass unitClass) {
        this.journal = journal;
        this.unitClass = unitClass;
        for (Operation operation : procedure.getOperations()) {
            int n = 1;
            for (Step step : operation.getSteps()) {
                String name = step.getName() != null ? step.getName() : String.valueOf(n);
                steps.add(new StepProgress(operation.getName() + "/" + name, step));
                n++;
            }
        }
    }

    /**
     * The IPC-A-610 class an inspection judges to: its own when it names one, else the unit's ({@code null} when
     * neither is known). The metamodel's enum getter gives class 1 for an unset class; this is what it means.
     */
    public static ProductClass acceptanceClass(InspectStep step, ProductClass unitClass) {
        return step.isSetAcceptanceClass() ? step.getAcceptanceClass() : unitClass;
    }

    /** The class of the unit this job works on; {@code null} when not known. */
    public ProductClass unitClass() {
        return unitClass;
    }

    public List<StepProgress> steps() {
        return List.copyOf(steps);
    }

    /** The active step, or {@code null} before the start, after the end or after an abort. */
    public StepProgress current() {
        return current >= 0 && current < steps.size() && !aborted ? steps.get(current) : null;
    }

    /** Activates the first step. */
    public void start() throws IOException {
        require(current == -1, "the job has started already");
        advance();
    }

    /** The operator confirms an instruction (or any step needing no value) as done. */
    public void confirm(String by) throws IOException {
        StepProgress run = active();
        require(!(run.step() instanceof MeasureStep), run.path() + " needs a measured value, not a confirmation");
        require(!(run.step() instanceof InspectStep), run.path() + " needs an inspection result, not a confirmation");
        if (run.step() instanceof UseMaterialStep use && use.isCaptureLot()) {
            throw new IllegalStateException(run.path() + " needs the lot of " + use.getMaterial().getName() + " captured");
        }
        finish(run, StepState.DONE, null, entry("by", by));
    }

    /** Records a measured value: the step is done inside its limits, failed outside them. */
    public void measure(double value, String by) throws IOException {
        StepProgress run = active();
        require(run.step() instanceof MeasureStep, run.path() + " takes no measurement");
        MeasureStep m = (MeasureStep) run.step();
        boolean low = m.getLowerLimit() != null && value < m.getLowerLimit();
        boolean high = m.getUpperLimit() != null && value > m.getUpperLimit();
        String reason = low || high ? m.getQuantity() + " " + value + " " + m.getUnit() + " is outside "
                + (m.getLowerLimit() == null ? "" : m.getLowerLimit()) + " .. " + (m.getUpperLimit() == null ? "" : m.getUpperLimit())
                + " " + m.getUnit() : null;
        Map<String, Object> details = entry("by", by, "quantity", m.getQuantity(), "value", value, "unit", m.getUnit(),
                "withinLimits", reason == null);
        if (m.getLowerLimit() != null) {
            details.put("lower", m.getLowerLimit());
        }
        if (m.getUpperLimit() != null) {
            details.put("upper", m.getUpperLimit());
        }
        finish(run, reason == null ? StepState.DONE : StepState.FAILED, reason, details);
    }

    /** Captures the lot of the material a step uses (a barcode scan, typically). */
    public void captureLot(String lot, String by) throws IOException {
        StepProgress run = active();
        require(run.step() instanceof UseMaterialStep, run.path() + " uses no material");
        require(lot != null && !lot.isBlank(), run.path() + ": a lot number is needed");
        UseMaterialStep use = (UseMaterialStep) run.step();
        finish(run, StepState.DONE, null, entry("by", by, "material", use.getMaterial().getName(), "lot", lot.strip()));
    }

    /** Records an inspection: done when it passed, failed when not (with the inspector's note). */
    public void inspect(boolean passed, String note, String by) throws IOException {
        StepProgress run = active();
        require(run.step() instanceof InspectStep, run.path() + " is not an inspection");
        require(passed || note != null && !note.isBlank(), run.path() + ": a failed inspection needs a note");
        Map<String, Object> details = entry("by", by, "passed", passed, "note", note == null ? "" : note);
        ProductClass judgedTo = acceptanceClass((InspectStep) run.step(), unitClass);
        if (judgedTo != null) {
            details.put("acceptanceClass", judgedTo.getValue());
        }
        finish(run, passed ? StepState.DONE : StepState.FAILED, passed ? null : note, details);
    }

    /** Completes the active heat step as its runner ended it. */
    public void heatEnded(boolean completed, String reason) throws IOException {
        StepProgress run = active();
        require(run.step() instanceof HeatStep, run.path() + " is not a heat step");
        finish(run, completed ? StepState.DONE : StepState.FAILED, reason, entry("completed", completed));
    }

    /** Skips the active step; a skip without a reason is refused. */
    public void skip(String reason, String by) throws IOException {
        StepProgress run = active();
        require(reason != null && !reason.isBlank(), run.path() + ": a step is skipped only with a reason");
        finish(run, StepState.SKIPPED, reason.strip(), entry("by", by));
    }

    /** Aborts the job: the active step is aborted, the rest stays pending. */
    public void abort(String reason, String by) throws IOException {
        StepProgress run = active();
        journal.append("job.aborted", entry("step", run.path(), "reason", reason, "by", by));
        run.state = StepState.ABORTED;
        run.reason = reason;
        aborted = true;
    }

    /** Whether every step is done or skipped. */
    public boolean completed() {
        return !aborted && steps.stream().allMatch(s -> s.state == StepState.DONE || s.state == StepState.SKIPPED);
    }

    /** Whether the job has ended: every step passed through, a step failed, or it was aborted. */
    public boolean ended() {
        return aborted || current >= steps.size() || steps.stream().anyMatch(s -> s.state == StepState.FAILED);
    }

    private void finish(StepProgress run, StepState state, String reason, Map<String, Object> details) throws IOException {
        details.put("step", run.path());
        details.put("state", state.getLiteral());
        if (reason != null) {
            details.put("reason", reason);
        }
        journal.append("step." + state.getLiteral(), details);
        run.state = state;
        run.reason = reason;
        if (state != StepState.FAILED) {
            advance();
        }
    }

    private void advance() throws IOException {
        current++;
        if (current < steps.size()) {
            StepProgress next = steps.get(current);
            journal.append("step.active", entry("step", next.path(), "kind", next.step().eClass().getName()));
            next.state = StepState.ACTIVE;
        }
    }

    private StepProgress active() {
        StepProgress run = current();
        require(run != null && run.state == StepState.ACTIVE, aborted ? "the job was aborted"
                : current < 0 ? "the job has not started" : "no step is active: the job has ended");
        return run;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static Map<String, Object> entry(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
