/**
 * The AWS back end: an Amazon States Language definition in JSONata mode ({@link
 * dev.statecraft.compiler.aws.AslEmitter}) and one Lambda handler per activity method ({@link
 * dev.statecraft.compiler.aws.LambdaHandlerEmitter}).
 */
package dev.statecraft.compiler.aws;
