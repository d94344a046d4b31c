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
import java.util.Set;
import java.util.TreeSet;

import org.benchwright.dsl.services.BenchwrightGrammarAccess;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.xtext.GrammarUtil;

/**
 * Lexical highlighting of the code between comments and strings ({@link Partitions}): the language's keywords (taken
 * from its grammar, so a new keyword is coloured without touching this class) and numbers. References and declarations are coloured on top of this by
 * the semantic pass after each parse ({@link SemanticColouring}).
 */
final class LexicalScanner extends RuleBasedScanner {

    LexicalScanner() {
        IToken keyword = new Token(new TextAttribute(Colours.KEYWORD, null, SWT.BOLD));
        IToken number = new Token(new TextAttribute(Colours.NUMBER));
        List<IRule> rules = new ArrayList<>();
        rules.add(new WhitespaceRule(Character::isWhitespace));
        WordRule words = new WordRule(new IWordDetector() {
            @Override
            public boolean isWordStart(char c) {
                return Character.isLetter(c) || c == '_' || c == '°' || c == '^';
            }

            @Override
            public boolean isWordPart(char c) {
                return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '°' || c == '/' || c == '³';
            }
        }, Token.UNDEFINED);
        for (String word : keywords()) {
            words.addWord(word, keyword);
        }
        rules.add(words);
        rules.add(new NumberRule(number));
        setRules(rules.toArray(IRule[]::new));
    }

    /** A scanner that colours all it reads alike: a comment's or a string's partition. */
    static RuleBasedScanner whole(Color colour, int style) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(new TextAttribute(colour, null, style)));
        return scanner;
    }

    /** The grammar's keywords that are words (not punctuation). */
    static Set<String> keywords() {
        BenchwrightGrammarAccess grammar = LanguageWorkspace.injector().getInstance(BenchwrightGrammarAccess.class);
        Set<String> words = new TreeSet<>();
        for (String k : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
            if (k.chars().anyMatch(Character::isLetter)) {
                words.add(k);
            }
        }
        return words;
    }
}
