return MimicEye.Cli.MimicEyeCli.Run(args);
