/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.benchwright.model.Alloy;
import org.benchwright.model.Certification;
import org.benchwright.model.Component;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Flux;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Procedure;
import org.benchwright.model.RampSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.util.BenchwrightValidator;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;

/**
 * The model's invariants: what holds for any procedure, profile or record whatever syntax wrote it. The generated
 * model classes call these from the invariant operations declared in {@code benchwright.ecore}.
 */
public final class Invariants {

    /** IPC training modules run from 1 (general, mandatory) to 10 (circuit repair). */
    public static final int FIRST_MODULE = 1;
    public static final int LAST_MODULE = 10;

    /** J-STD-004: flux type (rosin, resin, organic, inorganic), activity (low, moderate, high), halide (0, 1). */
    private static final Pattern J_STD_004 = Pattern.compile("(RO|RE|OR|IN)(L|M|H)(0|1)");

    private Invariants() {
    }

    public static boolean alloyMeltingRange(Alloy alloy, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (alloy.getSolidus() == null || alloy.getLiquidus() == null
                || !alloy.getSolidus().isAbove(alloy.getLiquidus())) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.ALLOY__VALID_MELTING_RANGE, alloy,
                "solidus " + alloy.getSolidus() + " is above liquidus " + alloy.getLiquidus());
    }

    public static boolean fluxDesignation(Flux flux, DiagnosticChain diagnostics, Map<Object, Object> context) {
        String designation = flux.getDesignation();
        if (designation == null || J_STD_004.matcher(designation).matches()) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.FLUX__VALID_DESIGNATION, flux, "'" + designation
                + "' is not a J-STD-004 flux classification (RO, RE, OR or IN; activity L, M or H; halide 0 or 1, as in ROL0)");
    }

    public static boolean componentSize(Component component, DiagnosticChain diagnostics, Map<Object, Object> context) {
        List<String> problems = new ArrayList<>();
        if (component.getThickness() != null && component.getThickness().millimetres() <= 0) {
            problems.add("thickness " + component.getThickness() + " must be above zero");
        }
        if (component.getVolume() != null && component.getVolume().cubicMillimetres() <= 0) {
            problems.add("volume " + component.getVolume() + " must be above zero");
        }
        return problems.isEmpty() || report(diagnostics, BenchwrightValidator.COMPONENT__VALID_SIZE, component,
                String.join("; ", problems) + " (J-STD-020 classifies packages by thickness and volume)");
    }

    public static boolean rampTarget(RampSegment ramp, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean hasTarget = ramp.getTarget() != null;
        if (hasTarget != ramp.isToPeak()) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.RAMP_SEGMENT__VALID_TARGET, ramp, hasTarget
                ? "ramps both to a temperature and to peak; give one"
                : "has no end: give a target temperature or ramp to peak");
    }

    public static boolean temperatureWindowOrder(TemperatureWindow window, DiagnosticChain diagnostics,
            Map<Object, Object> context) {
        if (window.getMin() == null || window.getMax() == null || !window.getMin().isAbove(window.getMax())) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.TEMPERATURE_WINDOW__VALID_ORDER, window,
                "minimum " + window.getMin() + " is above maximum " + window.getMax());
    }

    public static boolean timeWindowOrder(TimeWindow window, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (window.getMin() == null || window.getMax() == null || window.getMin().compareTo(window.getMax()) <= 0) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.TIME_WINDOW__VALID_ORDER, window,
                "minimum " + window.getMin() + " is longer than maximum " + window.getMax());
    }

    public static boolean measureLimits(MeasureStep step, DiagnosticChain diagnostics, Map<Object, Object> context) {
        Double lower = step.getLowerLimit();
        Double upper = step.getUpperLimit();
        if (lower == null || upper == null || lower <= upper) {
            return true;
        }
        return report(diagnostics, BenchwrightValidator.MEASURE_STEP__VALID_LIMITS, step,
                "lower limit " + lower + " " + step.getUnit() + " is above upper limit " + upper + " " + step.getUnit());
    }

    public static boolean procedureModules(Procedure procedure, DiagnosticChain diagnostics, Map<Object, Object> context) {
        List<Integer> bad = procedure.getTrainingModules().stream()
                .filter(m -> m < FIRST_MODULE || m > LAST_MODULE).toList();
        return bad.isEmpty() || report(diagnostics, BenchwrightValidator.PROCEDURE__VALID_MODULES, procedure,
                "training module " + bad.get(0) + " does not exist; IPC-7711/7721 modules run from 1 to 10");
    }

    public static boolean certificationPeriod(Certification certification, DiagnosticChain diagnostics,
            Map<Object, Object> context) {
        List<String> problems = new ArrayList<>();
        if (certification.getIssued() != null && certification.getExpires() != null
                && !certification.getExpires().isAfter(certification.getIssued())) {
            problems.add("expires " + certification.getExpires() + " on or before it was issued "
                    + certification.getIssued());
        }
        certification.getModules().stream().filter(m -> m < FIRST_MODULE || m > LAST_MODULE).findFirst()
                .ifPresent(m -> problems.add("module " + m + " does not exist; modules run from 1 to 10"));
        if (!certification.getModules().isEmpty() && !certification.getModules().contains(FIRST_MODULE)) {
            problems.add("does not cover module 1, which every IPC-7711/7721 certification includes");
        }
        return problems.isEmpty() || report(diagnostics, BenchwrightValidator.CERTIFICATION__VALID_PERIOD,
                certification, String.join("; ", problems));
    }

    public static boolean recordTimes(ExecutionRecord record, DiagnosticChain diagnostics, Map<Object, Object> context) {
        List<String> problems = new ArrayList<>();
        if (record.getStarted() != null && record.getFinished() != null
                && record.getFinished().isBefore(record.getStarted())) {
            problems.add("finished " + record.getFinished() + " before it started " + record.getStarted());
        }
        if (record.getPwi() != null && record.getPwi() < 0) {
            problems.add("process window index " + record.getPwi() + " is negative");
        }
        return problems.isEmpty() || report(diagnostics, BenchwrightValidator.EXECUTION_RECORD__VALID_TIMES, record,
                String.join("; ", problems));
    }

    private static boolean report(DiagnosticChain diagnostics, int code, EObject object, String problem) {
        if (diagnostics != null) {
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, BenchwrightValidator.DIAGNOSTIC_SOURCE, code,
                    ModelValidation.describe(object) + ": " + problem, new Object[] { object }));
        }
        return false;
    }
}
