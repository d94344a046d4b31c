/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/**
 * Hover: the problems at the place (each with its rule's code and source), then what the element under the mouse
 * is in the trade's terms (an alloy's melting range, a profile's peak window, a work instruction's merged procedure).
 */
final class Hover implements ITextHover {

    private final BenchwrightEditor editor;

    Hover(BenchwrightEditor editor) {
        this.editor = editor;
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        LanguageWorkspace.Parsed parsed = editor.parsed();
        return parsed == null || editor.file() == null ? null
                : LanguageWorkspace.of(editor.file().getProject()).read(() -> text(parsed, region.getOffset()));
    }

    /** What a hover at {@code offset} says, or {@code null} when there is nothing to say. */
    static String text(LanguageWorkspace.Parsed parsed, int offset) {
        if (parsed == null || parsed.resource() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Issue issue : parsed.issues()) {
            if (issue.getOffset() <= offset && offset <= issue.getOffset() + issue.getLength()) {
                parts.add(issue.getSeverity().name().toLowerCase() + (issue.getCode() != null
                        && issue.getCode().startsWith("BW-") ? " [" + issue.getCode() + "]" : "") + ": "
                        + issue.getMessage());
            }
        }
        XtextResource resource = parsed.resource();
        EObjectAtOffsetHelper at = LanguageWorkspace.injector().getInstance(EObjectAtOffsetHelper.class);
        EObject element = at.resolveCrossReferencedElementAt(resource, offset);
        if (element == null) {
            element = at.resolveElementAt(resource, offset);
        }
        if (element != null) {
            String doc = LanguageWorkspace.injector().getInstance(IEObjectDocumentationProvider.class)
                    .getDocumentation(element);
            if (doc != null) {
                parts.add(doc.replace("**", "").replace("```\n", "").replace("```", ""));
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }
}
