/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.benchwright.model.ApprovalKind;
import org.benchwright.model.ApproveStep;
import org.benchwright.model.BakeStep;
import org.benchwright.model.BenchwrightPackage;
import org.benchwright.model.Change;
import org.benchwright.model.ComponentFamily;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.CureStep;
import org.benchwright.model.EquipmentModel;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.FloorLifeCheckStep;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.InstructionStep;
import org.benchwright.model.MaterialPart;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.RemoveCoatingStep;
import org.benchwright.model.StandardReference;
import org.benchwright.model.Step;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.rules.WorkInstructions.Derivation;

/**
 * Writes the effective procedure of a work instruction in the language, as an engineer reviews it: the base's steps
 * as inherited, and a comment on every line the instruction adds or changes, with its deviations on top.
 */
public final class EffectiveProcedureText {

    private final StringBuilder out = new StringBuilder();
    private final Derivation derivation;

    private EffectiveProcedureText(Derivation derivation) {
        this.derivation = derivation;
    }

    /** The effective procedure of {@code instruction} as text; what cannot be merged is said in a comment. */
    public static String of(WorkInstruction instruction) {
        Derivation derivation = WorkInstructions.derive(instruction);
        if (derivation.effective() == null) {
            return "// " + instruction.getName() + ": its base procedure cannot be found\n";
        }
        return new EffectiveProcedureText(derivation).write();
    }

    private String write() {
        WorkInstruction wi = derivation.instruction();
        Procedure p = derivation.effective();
        line(0, "// " + wi.getName() + " revision " + WorkInstructions.revision(p) + ": the effective procedure, "
                + "based on " + wi.getBase().getName() + " revision " + WorkInstructions.revision(wi.getBase()));
        if (!wi.getStations().isEmpty()) {
            line(0, "// stations: " + String.join(", ", wi.getStations()));
        }
        for (EquipmentModel model : wi.getEquipmentModels()) {
            line(0, "// equipment: " + name(model.getEquipment()) + " model \"" + model.getModel() + "\"");
        }
        for (MaterialPart part : wi.getPartNumbers()) {
            line(0, "// material: " + name(part.getMaterial()) + " part-number \"" + part.getPartNumber() + "\"");
        }
        for (String deviation : derivation.deviations()) {
            line(0, "// DEVIATION " + deviation);
        }
        line(0, "procedure " + p.getName() + quoted(p.getTitle()) + " {");
        if (p.getRevision() != null) {
            line(1, "revision " + p.getRevision());
        }
        for (StandardReference r : p.getReferences()) {
            line(1, "reference " + r.getStandard().getLiteral() + " rev " + r.getRevision().getLiteral()
                    + (r.getNumber() == null ? "" : " " + r.getNumber()) + quoted(r.getTitle()));
        }
        line(1, "activity " + p.getActivity().getLiteral());
        if (p.eIsSet(BenchwrightPackage.Literals.PROCEDURE__SKILL)) {
            line(1, "skill " + p.getSkill().getLiteral() + mark(BenchwrightPackage.Literals.PROCEDURE__SKILL));
        }
        if (!p.getConformance().isEmpty()) {
            line(1, "conformance " + p.getConformance().stream().map(ConformanceLevel::getLiteral)
                    .collect(Collectors.joining(", ")) + mark(BenchwrightPackage.Literals.PROCEDURE__CONFORMANCE));
        }
        list("boards", p.getBoardTypes().stream().map(b -> b.getLiteral()).toList(), null);
        list("classes", p.getProductClasses().stream().map(ProductClass::getLiteral).toList(),
                BenchwrightPackage.Literals.PROCEDURE__PRODUCT_CLASSES);
        list("components", p.getComponentFamilies().stream().map(EffectiveProcedureText::family).toList(), null);
        list("modules", p.getTrainingModules().stream().map(String::valueOf).toList(),
                BenchwrightPackage.Literals.PROCEDURE__TRAINING_MODULES);
        list("equipment", p.getEquipment().stream().map(EffectiveProcedureText::equipment).toList(), null);
        list("materials", p.getMaterials().stream().map(EffectiveProcedureText::name).toList(), null);
        list("parts", p.getComponents().stream().map(EffectiveProcedureText::name).toList(), null);
        list("tools", p.getTools().stream().map(t -> "\"" + t + "\"").toList(), null);
        if (p.getDescription() != null) {
            line(1, "description" + quoted(p.getDescription()));
        }
        for (Operation operation : p.getOperations()) {
            line(1, "operation " + operation.getName() + quoted(operation.getTitle()) + " {");
            for (Step step : operation.getSteps()) {
                Change cause = derivation.cause(step, null);
                line(2, step(step) + (cause == null ? "" : "  // " + origin(cause)));
            }
            line(1, "}");
        }
        line(0, "}");
        return out.toString();
    }

    private String mark(org.eclipse.emf.ecore.EStructuralFeature feature) {
        Change cause = derivation.featureCauses().get(feature);
        return cause == null ? "" : "  // " + origin(cause);
    }

    private String origin(Change change) {
        String by = change.eContainer() instanceof org.benchwright.model.Deviation d
                ? (d.getName() == null ? "deviation" : "deviation " + d.getName()) + " of " + derivation.instruction().getName()
                : derivation.instruction().getName();
        return (change instanceof org.benchwright.model.Insertion ? "added by " : "changed by ") + by + ": "
                + WorkInstructions.describe(change);
    }

    private void list(String keyword, List<String> values, org.eclipse.emf.ecore.EStructuralFeature feature) {
        if (!values.isEmpty()) {
            line(1, keyword + " " + String.join(", ", values) + (feature == null ? "" : mark(feature)));
        }
    }

    private void line(int indent, String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    private static String step(Step step) {
        String name = step.getName() == null ? "" : " " + step.getName();
        if (step instanceof InstructionStep) {
            return "step" + name + quoted(step.getText());
        } else if (step instanceof HeatStep s) {
            return "heat" + name + " with " + name(s.getProfile()) + " on " + name(s.getEquipment())
                    + (s.getControlChannel() == null ? "" : " control on " + s.getControlChannel())
                    + (s.getComponent() == null ? "" : " part " + name(s.getComponent())) + quoted(s.getText());
        } else if (step instanceof InspectStep s) {
            return "inspect" + name + quoted(s.getCriteria())
                    + (!s.isSetAcceptanceClass() ? "" : " class " + s.getAcceptanceClass().getLiteral())
                    + (s.getMagnification() == null ? "" : " magnification " + number(s.getMagnification()) + "x");
        } else if (step instanceof MeasureStep s) {
            return "measure" + name + quoted(s.getQuantity()) + " in" + quoted(s.getUnit())
                    + (s.getLowerLimit() == null ? "" : " from " + number(s.getLowerLimit()))
                    + (s.getUpperLimit() == null ? "" : " to " + number(s.getUpperLimit()));
        } else if (step instanceof UseMaterialStep s) {
            return "use" + name + " material " + name(s.getMaterial()) + (s.isCaptureLot() ? " capture-lot" : "")
                    + quoted(s.getText());
        } else if (step instanceof CureStep s) {
            return "cure" + name + (s.getMaterial() == null ? "" : " material " + name(s.getMaterial())) + " at "
                    + s.getTemperature() + " for " + s.getDuration() + quoted(s.getText());
        } else if (step instanceof BakeStep s) {
            return "bake" + name + (s.getComponent() == null ? "" : " part " + name(s.getComponent()))
                    + (s.isPerMsl() ? " per-msl" : " at " + s.getTemperature() + " for " + s.getDuration())
                    + quoted(s.getText());
        } else if (step instanceof FloorLifeCheckStep s) {
            return "check-floor-life" + name + (s.getComponent() == null ? "" : " part " + name(s.getComponent()))
                    + quoted(s.getText());
        } else if (step instanceof ApproveStep s) {
            return "approve" + name + " by " + (s.getKind() == ApprovalKind.ECO ? "ECO" : s.getKind().getLiteral())
                    + quoted(s.getText());
        } else if (step instanceof RemoveCoatingStep s) {
            return "remove-coating" + name + (s.getCoating() == null ? "" : " coating " + name(s.getCoating()))
                    + " by " + s.getMethod().getLiteral() + quoted(s.getText());
        }
        return "// " + step.eClass().getName();
    }

    /** A family as the language writes it: the abbreviations in capitals (BGA, QFP), the words in lower case. */
    private static String family(ComponentFamily family) {
        return switch (family) {
        case CHIP, CONNECTOR, THROUGH_HOLE -> family.getLiteral();
        default -> family.getLiteral().toUpperCase(Locale.ROOT);
        };
    }

    private static String equipment(EquipmentRequirement need) {
        return name(need.getEquipment())
                + (need.getCapabilities().isEmpty() ? "" : " with " + need.getCapabilities().stream()
                        .map(c -> c.getLiteral()).collect(Collectors.joining(" and ")))
                + (need.getMagnification() == null ? "" : " " + number(need.getMagnification()) + "x");
    }

    private static String name(NamedElement element) {
        return element == null ? "?" : element.getName();
    }

    private static String quoted(String text) {
        return text == null ? "" : " \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String number(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                .toLowerCase(Locale.ROOT);
    }
}
