/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks PDF files against PDF/A-2b with veraPDF, the PDF Association's reference validator, outside OSGi: run as a
 * single source file ({@code java -cp "<veraPDF jars>/*" VeraPdfCheck.java <file.pdf>...}). Prints each file's
 * verdict and every failed rule (its clause, test number and description, with how often it failed), then the
 * count of failed rules over all files; exits 1 when any rule failed, 2 when a file cannot be checked.
 */
public final class VeraPdfCheck {

    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.PDFA_2_B;
        int failedRules = 0;
        int unreadable = 0;
        for (String file : args) {
            try (InputStream in = new FileInputStream(file);
                    PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                    PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                Map<String, Integer> failed = new TreeMap<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() == TestAssertion.Status.FAILED) {
                        String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " "
                                + a.getMessage();
                        failed.merge(rule, 1, Integer::sum);
                    }
                }
                System.out.println(file + ": PDF/A-2b " + (result.isCompliant() && failed.isEmpty() ? "compliant"
                        : "NOT compliant, " + failed.size() + " rule(s) failed"));
                failed.forEach((rule, n) -> System.out.println("  failed " + rule + " (" + n + "x)"));
                failedRules += failed.size() + (result.isCompliant() || !failed.isEmpty() ? 0 : 1);
            } catch (Exception e) {
                System.out.println(file + ": cannot be checked: " + e);
                unreadable++;
            }
        }
        System.out.println(args.length + " file(s) checked against PDF/A-2b: " + failedRules + " failed rule(s)"
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        System.exit(unreadable > 0 ? 2 : failedRules > 0 ? 1 : 0);
    }
}
