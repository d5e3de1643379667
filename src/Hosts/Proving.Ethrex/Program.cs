Console.Error.WriteLine("proving-ethrex: not yet implemented; see the issue tracker.");
return 2;
