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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.model.Approval;
import org.benchwright.model.Certification;
import org.benchwright.model.Job;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;

/**
 * The details of the job-level journal entries a {@link JobRunner} writes ({@code job.requested},
 * {@code job.refused}, {@code job.finished}), which {@code Records} reads back: one place for their field names.
 */
final class JobEntries {

    private JobEntries() {
    }

    static Map<String, Object> refused(List<Refusal> refusals) {
        return Map.of("refusals", refusals.stream().map(r -> Map.of("code", r.code(), "reason", r.reason())).toList());
    }

    /** How a job ended and what it added to each designator's counts (the sums of its {@link #counted} entries). */
    static Map<String, Object> finished(Job job, Outcome outcome, String reason, double pwi, int reworkActions,
            int thermalCycles) {
        Map<String, Object> finished = new LinkedHashMap<>();
        finished.put("outcome", outcome.getLiteral());
        if (reason != null) {
            finished.put("reason", reason);
        }
        if (!Double.isNaN(pwi)) {
            finished.put("pwi", pwi);
        }
        finished.put("counts", job.getDesignators().stream().map(d -> Map.of("unit", job.getUnitSerial(),
                "designator", d, "reworkActions", reworkActions, "thermalCycles", thermalCycles)).toList());
        return finished;
    }

    /**
     * What a job adds to the unit's counts at the moment it does: a rework action of each designator, a thermal
     * cycle of the unit and of each designator.
     */
    static Map<String, Object> counted(Job job, String step, int reworkActions, int thermalCycles, String why) {
        Map<String, Object> counted = new LinkedHashMap<>();
        counted.put("unit", job.getUnitSerial());
        counted.put("designators", List.copyOf(job.getDesignators()));
        counted.put("reworkActions", reworkActions);
        counted.put("thermalCycles", thermalCycles);
        counted.put("step", step);
        counted.put("why", why);
        return counted;
    }

    static Map<String, Object> requested(Job job, Technician technician, String hash, Station station,
            JobRunner.Context context) {
        Procedure procedure = job.getProcedure();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job", job.getId());
        data.put("unit", job.getUnitSerial());
        if (job.getAssemblyPartNumber() != null) {
            data.put("assembly", job.getAssemblyPartNumber());
        }
        if (job.getCustomer() != null) {
            data.put("customer", job.getCustomer());
        }
        data.put("productClass", job.getProductClass().getLiteral());
        data.put("designators", List.copyOf(job.getDesignators()));
        data.put("procedure", procedure.getName());
        data.put("title", procedure.getTitle() == null ? procedure.getName() : procedure.getTitle());
        data.put("revision", procedure.getRevision() == null ? "" : procedure.getRevision());
        data.put("procedureHash", hash);
        WorkInstruction instruction = procedure.getInstruction();
        if (instruction != null) {
            Procedure base = instruction.getBase();
            data.put("basedOn", base.getName());
            data.put("baseRevision", WorkInstructions.revision(base));
            data.put("deviations", instruction.getDeviations().stream().map(WorkInstructions::describe).toList());
        }
        data.put("technician", technician.getId());
        data.put("technicianName", technician.getFullName() == null ? "" : technician.getFullName());
        data.put("skill", technician.getSkill().getLiteral());
        data.put("certifications", technician.getCertifications().stream()
                .filter(c -> !context.today().isBefore(c.getIssued()) && !context.today().isAfter(c.getExpires()))
                .map(JobEntries::certification).toList());
        data.put("approvals", job.getApprovals().stream().map(JobEntries::approval).toList());
        data.put("station", station.id());
        data.put("day", context.today().toString());
        if (context.document() != null) {
            data.put("documentStatus", context.document().status().label());
        }
        if (context.training()) {
            data.put("training", true);
        }
        if (context.bench() != null) {
            data.put("bench", context.bench());
        }
        if (!context.unconfirmed().isEmpty()) {
            data.put("unconfirmed", context.unconfirmed());
        }
        return data;
    }

    private static Map<String, Object> certification(Certification c) {
        return Map.of("level", c.getLevel().getLiteral(), "number", c.getNumber() == null ? "" : c.getNumber(),
                "modules", List.copyOf(c.getModules()), "expires", c.getExpires().toString());
    }

    private static Map<String, Object> approval(Approval a) {
        return Map.of("kind", a.getKind().getLiteral(), "reference", a.getReference() == null ? "" : a.getReference());
    }
}
