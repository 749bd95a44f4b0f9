package dev.statecraft.compiler;
