Console.Error.WriteLine("proving-nats: not yet implemented; see the issue tracker.");
return 2;
