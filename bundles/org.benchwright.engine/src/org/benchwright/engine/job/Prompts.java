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

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benchwright.engine.steps.StepMachine;
import org.benchwright.engine.steps.StepMachine.StepProgress;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.model.WorkInstruction;
import org.benchwright.model.ZoneSetpoint;
import org.eclipse.emf.ecore.EObject;

/** The wording of what a step asks of the technician: its text and what an answer needs (limits, lot, class). */
final class Prompts {

    private Prompts() {
    }

    /** @param unitClass the class of the unit the job works on, which an inspection without its own judges to */
    static Prompt of(StepProgress run, ProductClass unitClass) {
        String text = run.step().getText() != null ? run.step().getText()
                : run.step() instanceof InspectStep i && i.getCriteria() != null ? i.getCriteria() : "";
        if (run.step() instanceof MeasureStep m) {
            return new Prompt(run.path(), Prompt.Kind.MEASURE, text, m.getQuantity() + " in " + m.getUnit() + ", limits "
                    + (m.getLowerLimit() == null ? "none" : m.getLowerLimit()) + " .. "
                    + (m.getUpperLimit() == null ? "none" : m.getUpperLimit()));
        }
        if (run.step() instanceof UseMaterialStep use && use.isCaptureLot()) {
            // a work instruction names the part number the plant buys the material under
            Procedure procedure = procedureOf(run.step());
            WorkInstruction instruction = procedure == null ? null : procedure.getInstruction();
            String part = instruction == null ? null : instruction.getPartNumbers().stream()
                    .filter(p -> p.getMaterial() == use.getMaterial()).map(p -> p.getPartNumber()).findFirst()
                    .orElse(null);
            return new Prompt(run.path(), Prompt.Kind.LOT, text, "lot of " + use.getMaterial().getName()
                    + (part == null ? "" : ", part number " + part));
        }
        if (run.step() instanceof InspectStep inspect) {
            ProductClass judgedTo = StepMachine.acceptanceClass(inspect, unitClass);
            String against = judgedTo == null ? "" : "IPC-A-610 class " + judgedTo.getLiteral()
                    + (inspect.isSetAcceptanceClass() ? "" : ", the unit's class");
            String magnification = inspect.getMagnification() == null ? "" : "at " + inspect.getMagnification() + "x";
            return new Prompt(run.path(), Prompt.Kind.INSPECT, text, String.join(", ", Stream.of(against, magnification)
                    .filter(s -> !s.isEmpty()).toList()));
        }
        if (run.step() instanceof HeatStep heat && heat.getProfile() != null) {
            return new Prompt(run.path(), Prompt.Kind.CONFIRM, text, "by hand with " + heat.getProfile().getName() + ": "
                    + heat.getProfile().getSetpoints().stream().map(Prompts::setpoint).collect(Collectors.joining(", ")));
        }
        return new Prompt(run.path(), Prompt.Kind.CONFIRM, text, "");
    }

    private static String setpoint(ZoneSetpoint z) {
        return z.getZone().getLiteral() + " " + z.getTemperature();
    }

    private static Procedure procedureOf(EObject step) {
        for (EObject o = step; o != null; o = o.eContainer()) {
            if (o instanceof Procedure p) {
                return p;
            }
        }
        return null;
    }
}
