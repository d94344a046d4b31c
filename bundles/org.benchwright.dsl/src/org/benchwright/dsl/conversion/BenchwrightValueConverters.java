/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.conversion;

import java.util.function.Function;

import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.ProductClass;
import org.benchwright.model.quantity.Length;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.model.quantity.Volume;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.conversion.impl.STRINGValueConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * Turns the language's literals into the metamodel's values: quantities with their units, product classes, MSL
 * levels, plain numbers. A literal that is not a value gets the quantity's own reason, such as "unknown unit 'F'".
 */
public class BenchwrightValueConverters extends DefaultTerminalConverters {

    @Inject
    private STRINGValueConverter stringConverter;

    @Override
    @ValueConverter(rule = "STRING")
    public IValueConverter<String> STRING() {
        return stringConverter;
    }

    @ValueConverter(rule = "Temperature")
    public IValueConverter<Temperature> temperature() {
        return quantity(Temperature::valueOf, t -> number(t.celsius()) + " C");
    }

    @ValueConverter(rule = "Rate")
    public IValueConverter<RampRate> rate() {
        return quantity(RampRate::valueOf, r -> number(r.celsiusPerSecond()) + " C/s");
    }

    @ValueConverter(rule = "Time")
    public IValueConverter<TimeSpan> time() {
        return quantity(TimeSpan::valueOf, t -> t.toString());
    }

    @ValueConverter(rule = "Length")
    public IValueConverter<Length> length() {
        return quantity(Length::valueOf, l -> number(l.millimetres()) + " mm");
    }

    @ValueConverter(rule = "Volume")
    public IValueConverter<Volume> volume() {
        return quantity(Volume::valueOf, v -> number(v.cubicMillimetres()) + " mm3");
    }

    @ValueConverter(rule = "Magnification")
    public IValueConverter<Double> magnification() {
        return quantity(s -> Double.valueOf(s.substring(0, s.length() - 1)), m -> number(m) + "x");
    }

    @ValueConverter(rule = "Decimal")
    public IValueConverter<Double> decimal() {
        return quantity(Double::valueOf, BenchwrightValueConverters::number);
    }

    @ValueConverter(rule = "Integer")
    public IValueConverter<Integer> integer() {
        return quantity(s -> {
            if (!s.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number");
            }
            return Integer.valueOf(s);
        }, String::valueOf);
    }

    @ValueConverter(rule = "ProductClassValue")
    public IValueConverter<ProductClass> productClass() {
        return quantity(s -> {
            ProductClass c = ProductClass.get(s);
            if (c == null) {
                throw new IllegalArgumentException("'" + s + "' is not an IPC product class; use 1, 2 or 3");
            }
            return c;
        }, ProductClass::getLiteral);
    }

    @ValueConverter(rule = "MoistureSensitivity")
    public IValueConverter<MoistureSensitivityLevel> msl() {
        return quantity(s -> {
            MoistureSensitivityLevel level = s.regionMatches(true, 0, "MSL", 0, 3)
                    ? MoistureSensitivityLevel.get(s.substring(3).toLowerCase())
                    : null;
            if (level == null) {
                throw new IllegalArgumentException("'" + s + "' is not a J-STD-033 moisture sensitivity level; "
                        + "use MSL1, MSL2, MSL2a, MSL3, MSL4, MSL5, MSL5a or MSL6");
            }
            return level;
        }, l -> "MSL" + l.getLiteral());
    }

    private static String number(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static <T> IValueConverter<T> quantity(Function<String, T> parse, Function<T, String> print) {
        return new AbstractNullSafeConverter<>() {
            @Override
            protected T internalToValue(String string, INode node) {
                try {
                    return parse.apply(string);
                } catch (IllegalArgumentException e) {
                    throw new ValueConverterException(e.getMessage(), node, e);
                }
            }

            @Override
            protected String internalToString(T value) {
                return print.apply(value);
            }
        };
    }
}
