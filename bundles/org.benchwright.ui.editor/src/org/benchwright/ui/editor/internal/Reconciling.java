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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.dsl.ide.BenchwrightHighlighting;
import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

/**
 * After each pause in typing: parses the text among the project's files, validates it, turns the issues into
 * problem markers (ruler, Problems view) that carry the rule's code and fix, colours references and declarations,
 * and refreshes the outline and whoever listens to the editor.
 */
public final class Reconciling implements IReconcilingStrategy, IReconcilingStrategyExtension {

    private final BenchwrightEditor editor;
    private final ITextViewer viewer;
    private final SemanticColouring colouring;
    private IDocument document;
    private IProgressMonitor monitor;

    Reconciling(BenchwrightEditor editor, ITextViewer viewer) {
        this.editor = editor;
        this.viewer = viewer;
        this.colouring = new SemanticColouring(viewer);
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void initialReconcile() {
        reconcile();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        reconcile();
    }

    @Override
    public void reconcile(IRegion partition) {
        reconcile();
    }

    private void reconcile() {
        IFile file = editor.file();
        if (file == null || document == null) {
            return;
        }
        String text = document.get();
        CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
        LanguageWorkspace.Parsed parsed;
        try {
            parsed = LanguageWorkspace.of(file.getProject()).validate(file, text, cancel);
        } catch (OperationCanceledError | OperationCanceledException e) {
            return; // a newer reconcile follows; one cancelled pass must not stop validation for good
        }
        if (parsed.resource() == null) {
            return;
        }
        markers(file, parsed);
        try {
            dependents(file, cancel);
        } catch (OperationCanceledError | OperationCanceledException e) {
            return;
        }
        List<StyleRange> styles = new ArrayList<>();
        try {
            LanguageWorkspace.injector().getInstance(ISemanticHighlightingCalculator.class)
                    .provideHighlightingFor(parsed.resource(), (offset, length, ids) -> {
                        StyleRange style = style(ids.length == 0 ? "" : ids[0]);
                        if (style != null) {
                            style.start = offset;
                            style.length = length;
                            styles.add(style);
                        }
                    }, cancel);
        } catch (OperationCanceledError | OperationCanceledException e) {
            return;
        }
        Display display = viewer.getTextWidget() == null ? null : viewer.getTextWidget().getDisplay();
        if (display == null || display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()
                    || !text.equals(viewer.getDocument().get())) {
                return; // typed on since: the next pass will do
            }
            colouring.apply(styles, text.length());
            editor.parsed(parsed);
        });
    }

    private static StyleRange style(String id) {
        return switch (id) {
        case BenchwrightHighlighting.DECLARATION -> new StyleRange(0, 0, Colours.DECLARATION, null, SWT.BOLD);
        case BenchwrightHighlighting.REFERENCE -> new StyleRange(0, 0, Colours.REFERENCE, null, SWT.NORMAL);
        case BenchwrightHighlighting.TRADE_WORD -> new StyleRange(0, 0, Colours.TRADE_WORD, null, SWT.NORMAL);
        case BenchwrightHighlighting.QUANTITY -> new StyleRange(0, 0, Colours.NUMBER, null, SWT.NORMAL);
        default -> null;
        };
    }

    /**
     * Checks again the files whose rules read {@code file} (a profile's procedures, an alloy's profiles and their
     * procedures) and puts their markers right, open in an editor or not: a change to a profile is a change to what
     * the procedures that heat with it break.
     */
    public static void dependents(IFile file, CancelIndicator cancel) {
        LanguageWorkspace workspace = LanguageWorkspace.of(file.getProject());
        for (IFile dependent : workspace.dependents(file)) {
            markers(dependent, workspace.validate(dependent, null, cancel));
        }
    }

    /**
     * Puts the file's language markers in step with the issues of this parse: markers whose issue is still there stay
     * as they are (so the ruler, the text and the Problems view repaint only what changed, and a problem selected in
     * the Problems view stays selected), the others go, and new issues get new markers. A marker is kept only where
     * the text has not moved since the markers were last put in step: an editor shows a marker where typing has carried
     * it, and its attributes say where it was made.
     */
    static void markers(IFile file, LanguageWorkspace.Parsed parsed) {
        if (parsed.resource() == null) {
            return;
        }
        List<Issue> issues = parsed.issues();
        String text = parsed.resource().getParseResult() == null ? null
                : parsed.resource().getParseResult().getRootNode().getText();
        Unmoved unmoved = unmoved(LanguageWorkspace.of(file.getProject()).marked(file, text), text);
        try {
            ResourcesPlugin.getWorkspace().run(m -> {
                if (!file.exists()) {
                    return;
                }
                Map<List<Object>, List<IMarker>> existing = new HashMap<>();
                for (IMarker marker : file.findMarkers(BenchwrightEditor.MARKER, false, IResource.DEPTH_ZERO)) {
                    Object[] values = marker.getAttributes(ATTRIBUTES);
                    if (!(values[3] instanceof Integer start && values[4] instanceof Integer end)
                            || !unmoved.test(start, end)) {
                        marker.delete();
                        continue;
                    }
                    existing.computeIfAbsent(Arrays.asList(values), k -> new ArrayList<>()).add(marker);
                }
                List<Object[]> added = new ArrayList<>();
                for (Issue issue : issues) {
                    Object[] values = attributes(issue);
                    if (values == null) {
                        continue;
                    }
                    List<IMarker> same = existing.get(Arrays.asList(values));
                    if (same != null && !same.isEmpty()) {
                        same.remove(same.size() - 1); // still true: kept
                    } else {
                        added.add(values);
                    }
                }
                for (List<IMarker> gone : existing.values()) {
                    for (IMarker marker : gone) {
                        marker.delete();
                    }
                }
                for (Object[] values : added) {
                    file.createMarker(BenchwrightEditor.MARKER).setAttributes(ATTRIBUTES, values);
                }
            }, file, IWorkspace.AVOID_UPDATE, null);
        } catch (CoreException e) {
            // the file went away while we validated it: nothing to mark
        }
    }

    /** Whether the text from {@code start} to {@code end} of the text a marker was made on is where it was. */
    interface Unmoved {
        boolean test(int start, int end);
    }

    /**
     * What of {@code before} stands where it stood in {@code now}: the text both share at their start, and, when they
     * are of one length, the text both share at their end.
     */
    static Unmoved unmoved(String before, String now) {
        if (before == null || now == null) {
            return (from, to) -> false;
        }
        int shorter = Math.min(before.length(), now.length());
        int start = 0;
        while (start < shorter && before.charAt(start) == now.charAt(start)) {
            start++;
        }
        if (before.length() != now.length()) {
            int prefix = start;
            return (from, to) -> to <= prefix;
        }
        int end = before.length(); // same length: from the last difference on, nothing moved either
        while (end > start && before.charAt(end - 1) == now.charAt(end - 1)) {
            end--;
        }
        int prefix = start;
        int suffix = end;
        return (from, to) -> to <= prefix || from >= suffix;
    }

    private static final String[] ATTRIBUTES = { IMarker.MESSAGE, IMarker.SEVERITY, IMarker.LINE_NUMBER,
            IMarker.CHAR_START, IMarker.CHAR_END, IMarker.LOCATION, QuickFixes.CODE, QuickFixes.FIX };

    /** The marker attributes of {@code issue}, in the order of {@link #ATTRIBUTES}; {@code null} for no marker. */
    private static Object[] attributes(Issue issue) {
        int severity = switch (issue.getSeverity()) {
        case ERROR -> IMarker.SEVERITY_ERROR;
        case WARNING -> IMarker.SEVERITY_WARNING;
        case INFO -> IMarker.SEVERITY_INFO;
        default -> -1;
        };
        if (severity < 0) {
            return null;
        }
        String code = issue.getCode() != null && issue.getCode().startsWith("BW-") ? issue.getCode() : null;
        String[] data = issue.getData();
        int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
        return new Object[] { (code == null ? "" : "[" + code + "] ") + issue.getMessage(), severity, line,
                issue.getOffset(), issue.getOffset() + issue.getLength(), "line " + issue.getLineNumber(), code,
                data != null && data.length == 1 && code != null ? data[0] : null };
    }
}
