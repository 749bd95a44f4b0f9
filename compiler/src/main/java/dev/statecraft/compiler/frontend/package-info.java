/**
 * The Java front end: reads sources with JavaParser, checks them against the workflow language, and
 * builds the IR. Only this package imports JavaParser.
 */
package dev.statecraft.compiler.frontend;
