package io.dashplane.codegen;

import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.meta.Definition;

/**
 * jOOQ's naming, but every generated class in the target package: the default layout (schema, tables,
 * tables.records) makes a package cycle, since tables and their records refer to each other.
 */
public class OnePackageStrategy extends DefaultGeneratorStrategy {
    @Override
    public String getJavaPackageName(Definition definition, Mode mode) {
        return getTargetPackage();
    }
}
