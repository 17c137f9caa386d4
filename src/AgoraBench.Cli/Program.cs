using AgoraBench.Cli;

return await AgoraBenchCli.InvokeAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
