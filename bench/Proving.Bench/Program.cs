using BenchmarkDotNet.Running;

// Run all or a filtered subset, e.g.: dotnet run -c Release --project bench/Proving.Bench -- --filter '*Fq*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
