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
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/**
 * Quick fixes: a rule that knows the value resolving its finding (a ramp of 3 C/s, Expert skill, laser instead of
 * solvent on parylene) offers to write it where the finding points, from the editor (Ctrl+1) or the Problems view.
 */
public final class QuickFixes implements IQuickAssistProcessor, IMarkerResolutionGenerator2 {

    /** Marker attributes: the rule's code, and the text that fixes the finding. */
    public static final String CODE = "code";
    public static final String FIX = "fix";

    private final BenchwrightEditor editor;

    public QuickFixes() {
        this(null);
    }

    QuickFixes(BenchwrightEditor editor) {
        this.editor = editor;
    }

    /** Writes the marker's fix over the text it marks; whether it did. */
    public static boolean apply(IMarker marker) {
        String fix = marker.getAttribute(FIX, null);
        int start = marker.getAttribute(IMarker.CHAR_START, -1);
        int end = marker.getAttribute(IMarker.CHAR_END, -1);
        if (fix == null || start < 0 || end < start || !(marker.getResource() instanceof IFile file)) {
            return false;
        }
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        try {
            manager.connect(file.getFullPath(), LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
                IDocument document = buffer.getDocument();
                document.replace(start, end - start, fix);
                marker.delete();
                if (!buffer.isShared()) {
                    buffer.commit(null, true); // no editor holds it: save, as the Problems view's fix is expected to
                }
                return true;
            } finally {
                manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
            }
        } catch (CoreException | BadLocationException e) {
            return false;
        }
    }

    private static String label(IMarker marker) {
        return "Change to " + marker.getAttribute(FIX, "") + " (" + marker.getAttribute(CODE, "") + ")";
    }

    @Override
    public boolean hasResolutions(IMarker marker) {
        return marker.getAttribute(FIX, null) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker)) {
            return new IMarkerResolution[0];
        }
        return new IMarkerResolution[] { new IMarkerResolution() {
            @Override
            public String getLabel() {
                return label(marker);
            }

            @Override
            public void run(IMarker m) {
                apply(m);
            }
        } };
    }

    /** The fixable markers at {@code offset} of the editor's file. */
    static List<IMarker> at(IFile file, int offset) {
        List<IMarker> found = new ArrayList<>();
        try {
            for (IMarker marker : file.findMarkers(BenchwrightEditor.MARKER, false, IResource.DEPTH_ZERO)) {
                int start = marker.getAttribute(IMarker.CHAR_START, -1);
                int end = marker.getAttribute(IMarker.CHAR_END, -1);
                if (marker.getAttribute(FIX, null) != null && start <= offset && offset <= end) {
                    found.add(marker);
                }
            }
        } catch (CoreException e) {
            // no markers to offer
        }
        return found;
    }

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IFile file = editor == null ? null : editor.file();
        if (file == null) {
            return new ICompletionProposal[0];
        }
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (IMarker marker : at(file, context.getOffset())) {
            proposals.add(new ICompletionProposal() {
                @Override
                public void apply(IDocument document) {
                    QuickFixes.apply(marker);
                }

                @Override
                public Point getSelection(IDocument document) {
                    return null;
                }

                @Override
                public String getAdditionalProposalInfo() {
                    return marker.getAttribute(IMarker.MESSAGE, "");
                }

                @Override
                public String getDisplayString() {
                    return label(marker);
                }

                @Override
                public Image getImage() {
                    return null;
                }

                @Override
                public IContextInformation getContextInformation() {
                    return null;
                }
            });
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return true;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext context) {
        return editor != null && editor.file() != null && !at(editor.file(), context.getOffset()).isEmpty();
    }
}
