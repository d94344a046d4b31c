/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.gating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchwright.model.Activity;
import org.benchwright.model.Approval;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.BenchwrightPackage;
import org.benchwright.model.Certification;
import org.benchwright.model.Change;
import org.benchwright.model.Component;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.Deviation;
import org.benchwright.model.HeatStep;
import org.benchwright.model.Job;
import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ReworkCount;
import org.benchwright.model.Technician;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.Finding;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.Severity;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.rules.WorkInstructions.Derivation;

/**
 * Decides whether a technician may start a job today, and if not, every reason why: a valid certification that
 * covers the procedure's training modules, enough skill, a conformance level the unit's class accepts, the
 * approvals the activity needs, a procedure that passes the rules, moisture-sensitive parts within their floor
 * life, and rework and thermal-cycle counts under the plant's limits.
 */
public final class Gate {

    /** What the bench knows of a job's moisture-sensitive parts: hours out of dry pack, and whether they were baked. */
    public record MoistureStatus(double hoursOutOfDryPack, boolean bakedSince) {
    }

    private final RuleChecker rules;
    private final GatingPolicy policy;

    public Gate(RuleChecker rules, GatingPolicy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    /**
     * @param history  what the unit's records say it has been through; {@code null} when not known
     * @param moisture per part name, what the bench knows of its exposure; a part missing here is not judged
     */
    public List<Refusal> check(Technician technician, Job job, LocalDate today, UnitHistory history,
            Map<String, MoistureStatus> moisture) {
        List<Refusal> refusals = new ArrayList<>();
        Procedure procedure = job.getProcedure();
        certification(technician, procedure, today, refusals);
        skill(technician, procedure, refusals);
        conformance(job, procedure, refusals);
        approvals(job, procedure, refusals);
        rules(procedure, refusals);
        moisture(procedure, moisture, refusals);
        counts(job, history == null ? UnitHistory.none(job.getUnitSerial()) : history, refusals);
        return refusals;
    }

    /**
     * Whether a technician may run a procedure today as far as the person goes (certification valid on the day and
     * covering its modules, skill), whatever the job: the qualification matrix's question. Empty when qualified.
     */
    public static List<Refusal> qualification(Technician technician, Procedure procedure, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        certification(technician, procedure, today, refusals);
        skill(technician, procedure, refusals);
        return refusals;
    }

    private static void certification(Technician technician, Procedure procedure, LocalDate today, List<Refusal> out) {
        List<Certification> valid = technician.getCertifications().stream()
                .filter(c -> !today.isBefore(c.getIssued()) && !today.isAfter(c.getExpires())).toList();
        if (valid.isEmpty()) {
            String expired = technician.getCertifications().stream().filter(c -> today.isAfter(c.getExpires()))
                    .map(c -> (c.getNumber() == null ? c.getLevel().getLiteral() : c.getNumber()) + " expired on "
                            + c.getExpires()).collect(Collectors.joining(", "));
            out.add(new Refusal("CERTIFICATION", technician.getId() + " holds no IPC-7711/7721 certification valid on "
                    + today + (expired.isEmpty() ? "" : ": " + expired) + " (certifications are valid 24 months)"));
            return;
        }
        Set<Integer> covered = valid.stream().flatMap(c -> c.getModules().stream()).collect(Collectors.toSet());
        List<Integer> missing = procedure.getTrainingModules().stream().filter(m -> !covered.contains(m)).toList();
        if (!missing.isEmpty()) {
            out.add(new Refusal("MODULE", technician.getId() + "'s certification does not cover training module"
                    + (missing.size() > 1 ? "s " : " ") + missing.stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ", which " + procedure.getName() + " needs"));
        }
    }

    private static void skill(Technician technician, Procedure procedure, List<Refusal> out) {
        if (procedure.eIsSet(BenchwrightPackage.Literals.PROCEDURE__SKILL)
                && technician.getSkill().getValue() < procedure.getSkill().getValue()) {
            out.add(new Refusal("SKILL", capitalised(technician.getSkill().getLiteral()) + " technician "
                    + technician.getId() + " may not run " + procedure.getName() + ", which requires "
                    + capitalised(procedure.getSkill().getLiteral()) + " skill (IPC-7711/7721 skill levels)"));
        }
    }

    private static void conformance(Job job, Procedure procedure, List<Refusal> out) {
        if (job.getProductClass() == ProductClass.CLASS3 && !procedure.getConformance().isEmpty()
                && !procedure.getConformance().contains(ConformanceLevel.HIGH)) {
            out.add(new Refusal("CONFORMANCE", "unit " + job.getUnitSerial() + " is class 3, which needs a High "
                    + "conformance procedure; " + procedure.getName() + " is " + procedure.getConformance().stream()
                            .map(ConformanceLevel::getLiteral).collect(Collectors.joining(" to "))));
        }
    }

    private static void approvals(Job job, Procedure procedure, List<Refusal> out) {
        Set<ApprovalKind> present = job.getApprovals().stream().filter(a -> a.getReference() != null)
                .map(Approval::getKind).collect(Collectors.toCollection(() -> EnumSet.noneOf(ApprovalKind.class)));
        if (procedure.getActivity() == Activity.REPAIR && !present.contains(ApprovalKind.CUSTOMER)
                && !present.contains(ApprovalKind.ENGINEERING)) {
            out.add(new Refusal("APPROVAL", "the repair of " + job.getUnitSerial() + " has no customer or engineering "
                    + "approval on file (IPC-7711/7721: repairs need one)"));
        }
        if (procedure.getActivity() == Activity.MODIFICATION && !present.contains(ApprovalKind.ECO)) {
            out.add(new Refusal("APPROVAL", "the modification of " + job.getUnitSerial() + " has no engineering change "
                    + "order on file (IPC-7711/7721: modifications need an ECO)"));
        }
    }

    private void rules(Procedure procedure, List<Refusal> out) {
        List<Finding> errors = new ArrayList<>();
        WorkInstruction instruction = procedure.getInstruction();
        if (instruction == null) {
            errors.addAll(rules.check(procedure));
        } else {
            // the instruction's own rules, and the standard's on the merged procedure but for what a deviation allows
            errors.addAll(rules.check(instruction));
            Derivation derivation = WorkInstructions.derive(instruction);
            for (Finding f : rules.check(derivation.effective())) {
                Change cause = derivation.cause(f.element(), f.feature());
                if (!(cause != null && cause.eContainer() instanceof Deviation d && WorkInstructions.justified(d))) {
                    errors.add(f);
                }
            }
        }
        procedure.getOperations().stream().flatMap(o -> o.getSteps().stream()).filter(HeatStep.class::isInstance)
                .map(s -> ((HeatStep) s).getProfile()).filter(p -> p != null && !p.eIsProxy()).distinct()
                .forEach(p -> errors.addAll(rules.check(p)));
        errors.removeIf(f -> f.severity() != Severity.ERROR);
        for (Finding f : errors) {
            out.add(new Refusal("RULES", procedure.getName() + " breaks " + f.code() + ": " + f.message()));
        }
    }

    private static void moisture(Procedure procedure, Map<String, MoistureStatus> moisture, List<Refusal> out) {
        for (Component part : procedure.getComponents()) {
            MoistureStatus status = moisture.get(part.getName());
            MoistureSensitivityLevel msl = part.getMsl();
            if (status == null || msl == null || status.bakedSince()) {
                continue;
            }
            double floor = FloorLife.hours(msl);
            if (status.hoursOutOfDryPack() > floor) {
                out.add(new Refusal("MSL", part.getName() + " (MSL " + msl.getLiteral() + ") has been out of dry pack "
                        + Math.round(status.hoursOutOfDryPack()) + " h, past its " + (floor == 0 ? "zero"
                                : String.valueOf(Math.round(floor)) + " h") + " floor life (J-STD-033): bake it first"));
            }
        }
    }

    /** The plant policy's limits that apply to {@code job} (see {@link GatingPolicy}). */
    public List<GatingPolicy.Limit> limits(Job job) {
        return policy.applying(job);
    }

    private void counts(Job job, UnitHistory history, List<Refusal> out) {
        for (UnitHistory.Untrusted record : history.untrusted()) {
            out.add(new Refusal("RECORD", "record " + record.record() + " of " + job.getUnitSerial() + " cannot be "
                    + "trusted (" + record.problem() + "): its counts may be missing, so no job starts on "
                    + job.getUnitSerial() + " until quality reviews it (benchwright review-record)"));
        }
        for (GatingPolicy.Limit limit : policy.applying(job)) {
            String why = policy.describe(limit);
            for (String designator : job.getDesignators()) {
                ReworkCount count = history.designator(designator);
                int actions = count == null ? 0 : count.getReworkActions();
                int cycles = count == null ? 0 : count.getThermalCycles();
                if (limit.reworkActionsPerDesignator() > 0 && actions >= limit.reworkActionsPerDesignator()) {
                    out.add(new Refusal("REWORK_COUNT", designator + " of " + job.getUnitSerial() + " has been "
                            + "reworked " + times(actions) + "; " + why + " allows "
                            + limit.reworkActionsPerDesignator() + " rework action(s) per designator"));
                }
                if (limit.thermalCyclesPerDesignator() > 0 && cycles >= limit.thermalCyclesPerDesignator()) {
                    out.add(new Refusal("THERMAL_CYCLES", designator + " of " + job.getUnitSerial() + " has seen "
                            + cycles + " thermal cycle(s); " + why + " allows " + limit.thermalCyclesPerDesignator()
                            + " per designator"));
                }
            }
            if (limit.thermalCyclesPerUnit() > 0 && history.thermalCycles() >= limit.thermalCyclesPerUnit()) {
                out.add(new Refusal("THERMAL_CYCLES", job.getUnitSerial() + " has seen " + history.thermalCycles()
                        + " thermal cycle(s); " + why + " allows " + limit.thermalCyclesPerUnit() + " per unit"));
            }
        }
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
