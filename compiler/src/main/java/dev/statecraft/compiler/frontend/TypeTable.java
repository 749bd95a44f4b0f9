package dev.statecraft.compiler.frontend;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every type declared in the sources, and Java's rules for resolving a type name at a place in a
 * file: enclosing types, single-type imports, the same package, on-demand imports, then {@code
 * java.lang}. Library types resolve by reflection, so {@code import java.util.*;} works as in
 * javac.
 */
final class TypeTable {
  /** A type declared in the sources. */
  record Declared(String qualifiedName, TypeDeclaration<?> declaration, ParsedUnit unit) {}

  private final Map<String, Declared> declared = new LinkedHashMap<>();

  TypeTable(List<ParsedUnit> units) {
    for (ParsedUnit unit : units) {
      for (TypeDeclaration<?> type : unit.unit().findAll(TypeDeclaration.class)) {
        type.getFullyQualifiedName()
            .ifPresent(name -> declared.putIfAbsent(name, new Declared(name, type, unit)));
      }
    }
  }

  /** All declared types, in source order. */
  List<Declared> all() {
    return List.copyOf(declared.values());
  }

  Optional<Declared> declared(String qualifiedName) {
    return Optional.ofNullable(declared.get(qualifiedName));
  }

  /** The qualified name {@code type} stands for where it is written. */
  Optional<String> resolve(ClassOrInterfaceType type, ParsedUnit unit) {
    String name =
        type.getScope().map(s -> s.getNameWithScope() + ".").orElse("") + type.getNameAsString();
    return resolve(name, type, unit);
  }

  /** The qualified name the (simple or dotted) type name stands for at {@code where}. */
  Optional<String> resolve(String name, Node where, ParsedUnit unit) {
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    Optional<String> head = resolveSimple(first, where, unit);
    if (head.isPresent()) {
      Optional<String> nested = existing(head.get() + rest.replace('.', '$'), head.get() + rest);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return dot < 0 ? Optional.empty() : existing(name, name);
  }

  private Optional<String> resolveSimple(String simple, Node where, ParsedUnit unit) {
    for (Node n = where; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        Optional<String> own = t.getFullyQualifiedName();
        if (t.getNameAsString().equals(simple) && own.isPresent()) {
          return own;
        }
        for (var member : t.getMembers()) {
          if (member instanceof TypeDeclaration<?> inner
              && inner.getNameAsString().equals(simple)) {
            return inner.getFullyQualifiedName();
          }
        }
      }
    }
    List<ImportDeclaration> onDemand = new ArrayList<>();
    for (ImportDeclaration imp : unit.unit().getImports()) {
      if (imp.isStatic()) {
        continue;
      }
      if (imp.isAsterisk()) {
        onDemand.add(imp);
      } else if (imp.getName().getIdentifier().equals(simple)) {
        return Optional.of(imp.getNameAsString());
      }
    }
    String pkg = unit.packageName();
    Optional<String> samePackage = existing(qualify(pkg, simple), qualify(pkg, simple));
    if (samePackage.isPresent()) {
      return samePackage;
    }
    for (ImportDeclaration imp : onDemand) {
      String candidate = imp.getNameAsString() + "." + simple;
      Optional<String> found = existing(candidate, candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return existing("java.lang." + simple, "java.lang." + simple);
  }

  /** The name, if a declared type or a library class by that binary or canonical name exists. */
  private Optional<String> existing(String binaryName, String canonicalName) {
    if (declared.containsKey(canonicalName)) {
      return Optional.of(canonicalName);
    }
    try {
      Class.forName(binaryName, false, TypeTable.class.getClassLoader());
      return Optional.of(canonicalName);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static String qualify(String pkg, String simple) {
    return pkg.isEmpty() ? simple : pkg + "." + simple;
  }

  /**
   * The qualified names of {@code root} and every class in the sources extending it, directly or
   * not, sorted: clouds match error names exactly, so a {@code catch} of a superclass lists them
   * all.
   */
  List<String> withSubclasses(String root) {
    List<String> result = new ArrayList<>(List.of(root));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Declared d : declared.values()) {
        if (result.contains(d.qualifiedName())
            || !(d.declaration() instanceof ClassOrInterfaceDeclaration c)) {
          continue;
        }
        for (ClassOrInterfaceType ext : c.getExtendedTypes()) {
          if (resolve(ext, d.unit()).filter(result::contains).isPresent()) {
            result.add(d.qualifiedName());
            grew = true;
            break;
          }
        }
      }
    }
    return result.stream().sorted().toList();
  }
}
