namespace Proving.Nats.Configuration;

/// <summary>A pipeline setting (environment variable) is missing or malformed.</summary>
public sealed class PipelineConfigurationException(string message) : Exception(message);
