/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.documentation;

import java.util.stream.Collectors;

import org.benchwright.dsl.EffectiveProcedureText;
import org.benchwright.model.Alloy;
import org.benchwright.model.Component;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.HeaterZone;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.StandardReference;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.WorkInstruction;
import org.benchwright.model.validation.ModelValidation;
import org.benchwright.rules.Classification;
import org.benchwright.rules.RuleSettings;
import org.benchwright.rules.WorkInstructions;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.impl.MultiLineCommentDocumentationProvider;

/**
 * What a hover tells an engineer about an element: what it is in the trade's terms (an alloy's melting range, a
 * profile's peak window, a part's J-STD-020 classification temperature), then its own doc comment.
 */
public class ElementDocumentation extends MultiLineCommentDocumentationProvider {

    @Override
    public String getDocumentation(EObject element) {
        String summary = summary(element);
        String comment = super.getDocumentation(element);
        if (summary == null) {
            return comment;
        }
        return comment == null ? summary : summary + "\n\n" + comment;
    }

    private static String summary(EObject element) {
        if (!(element instanceof NamedElement named) || element.eIsProxy()) {
            return null;
        }
        String head = "**" + ModelValidation.describe(named) + "**" + (named.getTitle() == null ? "" : " " + named.getTitle());
        String body;
        if (element instanceof Alloy a) {
            body = (a.isLeadFree() ? "lead-free" : "tin-lead") + ", solidus " + a.getSolidus() + ", liquidus " + a.getLiquidus()
                    + (a.getTipTemperature() == null ? "" : ", iron tip " + window(a.getTipTemperature()));
        } else if (element instanceof ThermalProfile p) {
            ReflowSegment reflow = null;
            for (ProfileSegment s : p.getSegments()) {
                if (s instanceof ReflowSegment r) {
                    reflow = r;
                }
            }
            body = "for " + (p.getAlloy() == null || p.getAlloy().eIsProxy() ? "?" : p.getAlloy().getName())
                    + (reflow == null ? "" : ": peak " + window(reflow.getPeak()) + ", above liquidus " + window(reflow.getAboveLiquidus()))
                    + ", " + p.getSegments().size() + " segments";
        } else if (element instanceof Component c) {
            double leadFree = Classification.temperature(c, true, RuleSettings.defaults());
            double tinLead = Classification.temperature(c, false, RuleSettings.defaults());
            body = c.getFamily().getLiteral() + (c.getThickness() == null ? "" : ", " + c.getThickness())
                    + (c.getVolume() == null ? "" : ", " + c.getVolume()) + (c.getMsl() == null ? "" : ", MSL " + c.getMsl().getLiteral())
                    + (Double.isNaN(leadFree) ? "" : "; J-STD-020 Tc " + fmt(leadFree) + " °C Pb-free, " + fmt(tinLead) + " °C SnPb");
        } else if (element instanceof EquipmentKind e) {
            body = e.getCategory().getLiteral() + (e.getZones().isEmpty() ? "" : "; zones "
                    + e.getZones().stream().map(ElementDocumentation::zone).collect(Collectors.joining(", ")));
        } else if (element instanceof Procedure p) {
            body = p.getReferences().stream().map(ElementDocumentation::reference).collect(Collectors.joining(", "))
                    + (p.getReferences().isEmpty() ? "" : "; ") + p.getActivity().getLiteral()
                    + (p.eIsSet(org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__SKILL) ? ", skill " + p.getSkill().getLiteral() : "")
                    + (p.getConformance().isEmpty() ? "" : ", conformance "
                            + p.getConformance().stream().map(x -> x.getLiteral()).collect(Collectors.joining(" to ")));
        } else if (element instanceof WorkInstruction wi) {
            // the merged procedure as it will run: what the engineer reviews and the approver signs
            return head + ": based on " + (wi.getBase() == null || wi.getBase().eIsProxy() ? "?"
                    : wi.getBase().getName() + " revision " + WorkInstructions.revision(wi.getBase()))
                    + "\n\n```\n" + EffectiveProcedureText.of(wi) + "```";
        } else {
            return head;
        }
        return head + ": " + body;
    }

    private static String zone(HeaterZone z) {
        return z.getRole().getLiteral() + " " + window(z.getRange()) + (z.getMaxRamp() == null ? "" : " (ramp ≤ " + z.getMaxRamp() + ")");
    }

    private static String reference(StandardReference r) {
        return r.getStandard().getLiteral() + " rev " + r.getRevision().getLiteral() + (r.getNumber() == null ? "" : " " + r.getNumber());
    }

    private static String window(TemperatureWindow w) {
        return w == null ? "?" : w.getMin() + " .. " + w.getMax();
    }

    private static String window(TimeWindow w) {
        return w == null ? "?" : w.getMin() + " .. " + w.getMax();
    }

    private static String fmt(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
