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

import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.custom.StyleRange;

/** Colours what the parser knows and the lexer cannot: declared names, references, the trade's words, quantities. */
final class SemanticColouring implements ITextPresentationListener {

    private final ITextViewer viewer;
    private List<StyleRange> styles = List.of();
    private boolean installed;

    SemanticColouring(ITextViewer viewer) {
        this.viewer = viewer;
    }

    /** Replaces the semantic styles and repaints; on the UI thread. */
    void apply(List<StyleRange> styles) {
        if (!installed && viewer instanceof ITextViewerExtension4 v) {
            v.addTextPresentationListener(this);
            installed = true;
        }
        this.styles = new ArrayList<>(styles);
        viewer.invalidateTextPresentation();
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        int start = presentation.getExtent().getOffset();
        int end = start + presentation.getExtent().getLength();
        List<StyleRange> inside = new ArrayList<>();
        for (StyleRange style : styles) {
            if (style.start >= start && style.start + style.length <= end) {
                inside.add((StyleRange) style.clone());
            }
        }
        presentation.mergeStyleRanges(inside.toArray(StyleRange[]::new));
    }
}
