/**
 * Java source generation shared by the back ends that emit Java (Lambda handlers, Cloud Run
 * functions, Durable Functions): IR types as JavaPoet type names, and the code that decodes an
 * activity's arguments and calls the user's implementation.
 */
package dev.statecraft.compiler.java;
