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

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * A procedure file's comments and strings as partitions of its document, kept up to date as it is typed in: the only
 * tokens that span lines are block comments, so with them known the editor colours again only the lines a keystroke
 * touched, and a {@code /*} typed or removed recolours the text it opens or closes. Set up on every procedure file's
 * document (the file buffers' {@code documentSetup} extension) and by the editor on a document that lacks it.
 */
public final class Partitions implements IDocumentSetupParticipant {

    /** The partitioning's name in the document, beside the platform's default one. */
    public static final String PARTITIONING = "org.benchwright.ui.editor.partitioning";
    /** Line and block comments. */
    public static final String COMMENT = "__bw_comment";
    /** String literals (a name or a description in quotes). */
    public static final String STRING = "__bw_string";

    static final String[] TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

    @Override
    public void setup(IDocument document) {
        install(document);
    }

    /** Gives {@code document} the partitioning, unless it has it. */
    public static void install(IDocument document) {
        if (document instanceof IDocumentExtension3 d && d.getDocumentPartitioner(PARTITIONING) == null) {
            RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
            Token comment = new Token(COMMENT);
            Token string = new Token(STRING);
            // as the lexer reads: a string first, so a "/*" inside one opens nothing
            scanner.setPredicateRules(new IPredicateRule[] { new SingleLineRule("\"", "\"", string, '\\'),
                    new EndOfLineRule("//", comment), new MultiLineRule("/*", "*/", comment, (char) 0, true) });
            IDocumentPartitioner partitioner = new FastPartitioner(scanner, new String[] { COMMENT, STRING });
            d.setDocumentPartitioner(PARTITIONING, partitioner);
            partitioner.connect(document);
        }
    }
}
