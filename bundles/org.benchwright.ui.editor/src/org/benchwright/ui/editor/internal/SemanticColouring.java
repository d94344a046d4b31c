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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension2;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.custom.StyleRange;

/**
 * Colours what the parser knows and the lexer cannot: declared names, references, the trade's words, quantities. After
 * each parse only the stretch of text whose semantic colours changed is repainted.
 */
final class SemanticColouring implements ITextPresentationListener {

    private static final Comparator<StyleRange> BY_START = Comparator.comparingInt(s -> s.start);

    private final ITextViewer viewer;
    private List<StyleRange> styles = List.of();
    private int length;
    private boolean installed;

    SemanticColouring(ITextViewer viewer) {
        this.viewer = viewer;
    }

    /** Replaces the semantic styles of a text of {@code length} characters and repaints them; on the UI thread. */
    void apply(List<StyleRange> styles, int length) {
        if (!installed && viewer instanceof ITextViewerExtension4 v) {
            v.addTextPresentationListener(this);
            installed = true;
        }
        List<StyleRange> old = this.styles;
        int oldLength = this.length;
        this.styles = new ArrayList<>(styles);
        this.styles.sort(BY_START);
        this.length = length;
        IRegion changed = changed(old, oldLength, this.styles, length);
        if (changed == null) {
            return;
        }
        if (viewer instanceof ITextViewerExtension2 v && changed.getLength() < length) {
            v.invalidateTextPresentation(changed.getOffset(), changed.getLength());
        } else {
            viewer.invalidateTextPresentation();
        }
    }

    /**
     * The stretch of the new text whose styles differ from the old ones: styles before an edit keep their offsets,
     * styles after it keep their distance from the text's end; {@code null} when nothing differs.
     */
    static IRegion changed(List<StyleRange> old, int oldLength, List<StyleRange> now, int length) {
        int first = 0;
        while (first < old.size() && first < now.size() && same(old.get(first), now.get(first), 0)) {
            first++;
        }
        int shift = length - oldLength;
        int last = 0; // styles alike at the end, not overlapping those alike at the start
        while (last < old.size() - first && last < now.size() - first
                && same(old.get(old.size() - 1 - last), now.get(now.size() - 1 - last), shift)) {
            last++;
        }
        if (first == old.size() && first == now.size()) {
            return null;
        }
        int start = length;
        int end = 0;
        if (first < old.size() - last) {
            StyleRange a = old.get(first);
            StyleRange b = old.get(old.size() - 1 - last);
            start = Math.min(start, Math.min(a.start, a.start + shift));
            end = Math.max(end, Math.max(b.start + b.length, b.start + b.length + shift));
        }
        if (first < now.size() - last) {
            start = Math.min(start, now.get(first).start);
            StyleRange b = now.get(now.size() - 1 - last);
            end = Math.max(end, b.start + b.length);
        }
        start = Math.max(0, start);
        end = Math.min(length, end);
        return end <= start ? null : new Region(start, end - start);
    }

    private static boolean same(StyleRange old, StyleRange now, int shift) {
        return old.start + shift == now.start && old.length == now.length && old.similarTo(now);
    }

    @Override
    public void applyTextPresentation(TextPresentation presentation) {
        int start = presentation.getExtent().getOffset();
        int end = start + presentation.getExtent().getLength();
        StyleRange key = new StyleRange();
        key.start = start;
        int i = Collections.binarySearch(styles, key, BY_START);
        i = i < 0 ? -i - 1 : i;
        while (i > 0 && styles.get(i - 1).start >= start) {
            i--;
        }
        List<StyleRange> inside = new ArrayList<>();
        for (; i < styles.size() && styles.get(i).start < end; i++) {
            StyleRange style = styles.get(i);
            if (style.start + style.length <= end) {
                inside.add((StyleRange) style.clone());
            }
        }
        presentation.mergeStyleRanges(inside.toArray(StyleRange[]::new));
    }
}
