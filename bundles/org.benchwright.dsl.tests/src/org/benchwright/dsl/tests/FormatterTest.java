/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;

/** Formatting lays any file out as the library is written. */
class FormatterTest {

    @Test
    void messyFileIsLaidOutOneStatementALine() {
        String messy = "package   demo import materials.*\n"
                + "alloy SAC305 \"Lead-free\"{lead-free solidus 217 C liquidus   220 C}\n"
                + "flux Gel { class ROL0 manufacturer \"ACME\" for SAC305 }\n"
                + "profile P for SAC305 {ramp to 150 C at 1 C/s soak 150 C..180 C for 60 s..90 s\n"
                + "limits{ramp-up at most 3 C/s}}\n"
                + "procedure p \"Demo\" {activity rework skill expert components BGA , CSP "
                + "operation work {step \"Do it\" inspect \"Done\"}}\n";
        String expected = """
                package demo

                import materials.*

                alloy SAC305 "Lead-free" {
                    lead-free
                    solidus 217 C
                    liquidus 220 C
                }

                flux Gel {
                    class ROL0
                    manufacturer "ACME"
                    for SAC305
                }

                profile P for SAC305 {
                    ramp to 150 C at 1 C/s
                    soak 150 C .. 180 C for 60 s .. 90 s
                    limits {
                        ramp-up at most 3 C/s
                    }
                }

                procedure p "Demo" {
                    activity rework
                    skill expert
                    components BGA, CSP
                    operation work {
                        step "Do it"
                        inspect "Done"
                    }
                }
                """;
        assertEquals(expected, format(messy));
        assertEquals(expected, format(expected), "formatting is stable");
    }

    private static String format(String text) {
        XtextResource resource = new Language().file("f.bw", text).resource(0);
        ITextRegionAccess regions = Language.INJECTOR.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource)
                .create();
        FormatterRequest request = Language.INJECTOR.getInstance(FormatterRequest.class);
        request.setTextRegionAccess(regions);
        // editors send their own indentation over LSP; the library is written with four spaces
        request.setPreferences(new MapBasedPreferenceValues(Map.of(FormatterPreferenceKeys.indentation.getId(), "    ")));
        var replacements = Language.INJECTOR.getInstance(IFormatter2.class).format(request);
        StringBuilder out = new StringBuilder(text);
        replacements.stream().sorted((a, b) -> b.getOffset() - a.getOffset())
                .forEach((ITextReplacement r) -> out.replace(r.getOffset(), r.getEndOffset(), r.getReplacementText()));
        return out.toString().stripTrailing() + "\n";
    }
}
